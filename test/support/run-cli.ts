import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The command as a user runs it: the published bin shim, in a fresh Node.js process. */
export const CLI_PATH = join(import.meta.dirname, '../../bin/tiewatch.mjs');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `tiewatch …` as a real process; resolves with its output and exit status, success or not. */
export async function runTiewatch(args: string[], options: { input?: string } = {}): Promise<CliResult> {
  try {
    const child = execFileAsync(process.execPath, [CLI_PATH, ...args], { timeout: 90_000 });
    if (options.input !== undefined) child.child.stdin?.end(options.input);
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', code: failed.code ?? 1 };
  }
}
