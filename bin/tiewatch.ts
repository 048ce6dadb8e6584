import { Command } from 'commander';
import { registerAlerts } from '../cli/commands/alerts';
import { registerClassify } from '../cli/commands/classify';
import { registerEval } from '../cli/commands/eval';
import { registerFeeds } from '../cli/commands/feeds';
import { registerRun } from '../cli/commands/run';
import { registerServe } from '../cli/commands/serve';
import { registerStart } from '../cli/commands/start';

// Each command lives in cli/commands/<name>.ts and adds itself to the program.
const program = new Command('tiewatch')
  .description('Watch news feeds for changes in Russia–China–North Korea ties against a baseline of facts')
  .showHelpAfterError();

registerStart(program);
registerRun(program);
registerClassify(program);
registerEval(program);
registerFeeds(program);
registerAlerts(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A person reads this: the reason, not a stack trace (TIEWATCH_DEBUG=1 shows the stack).
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tiewatch: ${message}\n`);
  if (process.env.TIEWATCH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
