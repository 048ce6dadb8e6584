import { pathToFileURL } from 'node:url';
import { withPrintedMetrics } from './emf-metrics';
import type {
  CarriedError,
  FromHandlerProcess,
  InvocationOutcome,
  ToHandlerProcess,
} from './handler-process';
import { lambdaContext } from './lambda-runtime';

/**
 * The handler's process (started by handler-process.ts): loads the handler module named on the command line,
 * says whether that cold start worked, then invokes the handler once for each event it is sent.
 */
type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

const [modulePath = '', functionName = 'handler'] = process.argv.slice(2);

function send(message: FromHandlerProcess, then?: () => void): void {
  process.send?.(message, undefined, undefined, () => then?.());
}

function carry(error: unknown): CarriedError {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error) };
  const { stack: _stack, ...fields } = Object.fromEntries(Object.entries(error));
  return JSON.parse(JSON.stringify({ ...fields, name: error.name, message: error.message })) as CarriedError;
}

async function load(): Promise<Handler | undefined> {
  try {
    return ((await import(pathToFileURL(modulePath).href)) as { handler: Handler }).handler;
  } catch (error) {
    send({ kind: 'load-failed', error: carry(error) }, () => process.exit(0));
    return undefined;
  }
}

const handler = await load();
if (handler) {
  process.on('message', async ({ id, event }: ToHandlerProcess) => {
    let outcome: InvocationOutcome;
    try {
      const { result, metrics } = await withPrintedMetrics(() => handler(event, lambdaContext(functionName)));
      outcome = { ok: true, value: result, metrics };
    } catch (error) {
      outcome = { ok: false, error: carry(error) };
    }
    send({ kind: 'outcome', id, outcome });
  });
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready' });
}
