import { Command } from 'commander';

// Each command lives in cli/commands/<name>.ts and adds itself to the program.
const program = new Command('tiewatch')
  .description('Watch news feeds for changes in Russia–China–North Korea ties against a baseline of facts')
  .showHelpAfterError();

await program.parseAsync(process.argv);
