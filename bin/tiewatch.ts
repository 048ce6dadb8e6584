import { Command } from 'commander';
import { registerClassify } from '../cli/commands/classify';
import { registerEval } from '../cli/commands/eval';
import { registerFeeds } from '../cli/commands/feeds';

// Each command lives in cli/commands/<name>.ts and adds itself to the program.
const program = new Command('tiewatch')
  .description('Watch news feeds for changes in Russia–China–North Korea ties against a baseline of facts')
  .showHelpAfterError();

registerClassify(program);
registerEval(program);
registerFeeds(program);

await program.parseAsync(process.argv);
