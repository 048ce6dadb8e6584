import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MetricTotals } from './emf-metrics';

/** An error as it crossed from the handler's process: its name, message and own fields (EnqueueError's failures). */
export interface CarriedError {
  name: string;
  message: string;
  [field: string]: unknown;
}

/** What one invocation came to, with the metrics it printed. */
export type InvocationOutcome =
  | { ok: true; value: unknown; metrics: MetricTotals }
  | { ok: false; error: CarriedError };

/** The messages the handler's process sends back (see handler-process-entry.ts). */
export type FromHandlerProcess =
  | { kind: 'ready' }
  | { kind: 'load-failed'; error: CarriedError }
  | { kind: 'outcome'; id: number; outcome: InvocationOutcome };

/** The message that invokes the handler once. */
export interface ToHandlerProcess {
  id: number;
  event: unknown;
}

export interface HandlerProcess {
  invoke(event: unknown): Promise<InvocationOutcome>;
  close(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./handler-process-entry.ts', import.meta.url));

/**
 * Loads one handler module in a Node process of its own, with exactly the environment given, as a Lambda
 * sandbox would: its cold start reads that environment, and later invocations reuse the loaded module.
 * A process of its own is needed where the environment must be in place before Node starts (the CA
 * certificates a process trusts are read once, at startup, from NODE_EXTRA_CA_CERTS).
 */
export async function startHandlerProcess(
  handlerName: string,
  env: Record<string, string>,
): Promise<HandlerProcess> {
  const modulePath = fileURLToPath(new URL(`../../../../lambda/handlers/${handlerName}.ts`, import.meta.url));
  const child: ChildProcess = fork(ENTRY, [modulePath, handlerName], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const pending = new Map<
    number,
    { resolve: (outcome: InvocationOutcome) => void; reject: (error: Error) => void }
  >();
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const { reject } of pending.values()) {
        reject(new Error(`the handler process ended (${signal ?? code}) during an invocation:\n${stderr}`));
      }
      pending.clear();
      resolve();
    }),
  );
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    const onExit = () => reject(new Error(`the handler process ended before it was ready:\n${stderr}`));
    child.once('exit', onExit);
    child.on('message', (message: FromHandlerProcess) => {
      if (message.kind === 'ready') {
        child.off('exit', onExit);
        resolve();
      } else if (message.kind === 'load-failed') {
        child.off('exit', onExit);
        reject(Object.assign(new Error(message.error.message), message.error));
      } else {
        pending.get(message.id)?.resolve(message.outcome);
        pending.delete(message.id);
      }
    });
  });

  return {
    invoke(event) {
      const id = nextId++;
      return new Promise<InvocationOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, event } satisfies ToHandlerProcess, (error) => {
          if (error) reject(error);
        });
      });
    },
    async close() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
