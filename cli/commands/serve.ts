import { type Command, Option } from 'commander';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { openStores } from '../local/open-stores';
import { parsePort } from '../local/option-parsers';
import { startFeedServer } from '../local/serve-feed-api';

interface ServeOptions {
  data: string;
  table?: string;
  port: number;
  host: string;
  baseline?: string;
}

/**
 * `tiewatch serve`: the alert feed API over the local store (or a deployed table) on localhost, with the
 * same handler the feed Lambda runs, until Ctrl-C.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the alert feed (HTML, JSON, Atom, RSS, JSON Feed) on localhost')
    .option('--data <dir>', 'local data directory', '.tiewatch')
    .addOption(
      new Option('--table <name>', 'serve the deployed DynamoDB table instead of the local store').conflicts(
        'data',
      ),
    )
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 8787)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--baseline <file>', 'baseline facts file (default: the shipped baseline)')
    .action(async (options: ServeOptions) => {
      const baseline = loadBaseline(options.baseline);
      const stores = await openStores({
        dataDir: options.data,
        ...(options.table ? { table: options.table } : {}),
      });
      const server = await startFeedServer({
        alerts: stores.alerts,
        baseline,
        port: options.port,
        host: options.host,
      }).catch(async (error: unknown) => {
        await stores.close();
        throw error;
      });
      process.stdout.write(
        `alert feed: ${server.url}\n  JSON ${server.url}alerts · Atom ${server.url}feed.atom · RSS ${server.url}feed.rss · JSON Feed ${server.url}feed.json\nCtrl-C to stop\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await stores.close();
    });
}
