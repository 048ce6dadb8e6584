import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';

export interface EmbeddedDynamoOptions {
  /**
   * Directory for the data (LevelDB under `<dataDir>/dynamodb`) and the `endpoint.json` that lets other
   * tiewatch processes reach this server; in memory, and unadvertised, when omitted.
   */
  dataDir?: string;
  /** @default 0 (any free port) */
  port?: number;
}

export interface EmbeddedDynamo {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  close(): Promise<void>;
}

/** What a running server writes to `<dataDir>/endpoint.json`. */
export interface EndpointFile {
  endpoint: string;
  pid: number;
}

export const endpointFileOf = (dataDir: string) => join(dataDir, 'endpoint.json');

/** The data directory is held by another live process (LevelDB allows one), which does not answer on its endpoint. */
export class LocalStoreBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the local store in ${dataDir} is held by process ${pid}, which does not answer; stop it or use another --data`,
    );
    this.name = 'LocalStoreBusyError';
  }
}

/**
 * Runs dynalite in this process on loopback. Tables become ACTIVE at once (no simulated CREATING delay).
 * With a data directory, the server advertises itself in `endpoint.json` until closed, since LevelDB
 * lets only one process open the directory and other commands must talk to this one instead.
 */
export async function startEmbeddedDynamo(options: EmbeddedDynamoOptions = {}): Promise<EmbeddedDynamo> {
  const { dataDir } = options;
  const dbPath = dataDir && join(dataDir, 'dynamodb');
  if (dataDir) await refuseIfHeld(dataDir);
  if (dbPath) await mkdir(dbPath, { recursive: true });
  const server = dynalite({
    ...(dbPath ? { path: dbPath } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  if (dataDir) {
    const file: EndpointFile = { endpoint, pid: process.pid };
    await writeFile(endpointFileOf(dataDir), `${JSON.stringify(file)}\n`);
  }
  return {
    endpoint,
    async close() {
      if (dataDir) await rm(endpointFileOf(dataDir), { force: true });
      await close();
    },
  };
}

/**
 * dynalite opens LevelDB lazily and, when another process holds the directory, throws from inside its
 * request handler, which ends this process. So the owner recorded in endpoint.json is checked first:
 * a file left by a process that no longer exists is ignored.
 */
async function refuseIfHeld(dataDir: string): Promise<void> {
  let owner: Partial<EndpointFile>;
  try {
    owner = JSON.parse(await readFile(endpointFileOf(dataDir), 'utf8'));
  } catch {
    return;
  }
  if (typeof owner.pid === 'number' && owner.pid !== process.pid && isAlive(owner.pid)) {
    throw new LocalStoreBusyError(dataDir, owner.pid);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
