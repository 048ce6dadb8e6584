import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, ON_DEMAND_MODULES, onDemandBuildCommand } from '../../../lib/function-bundling';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const sources = ON_DEMAND_MODULES.ingest ?? [];
const outDir = mkdtempSync(join(tmpdir(), 'tiewatch-on-demand-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The arguments bash hands the program after its own quote removal, one per line. */
function argvSeenByBash(command: string): string[] {
  const script = `printf '%s\\n' ${command.slice(command.indexOf(' ') + 1)}`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe('the on-demand build command (a CDK command hook)', () => {
  it('gives ingest two on-demand sources to build', () => {
    expect(sources.length).toBe(2);
  });

  it('reaches esbuild through bash with every argument intact, the banner included', () => {
    const argv = argvSeenByBash(onDemandBuildCommand(sources, REPO_ROOT, outDir, 'linux'));
    expect(argv).toContain(`--banner:js=${BUNDLE_OPTIONS.banner}`);
    expect(argv).toContain(`--outdir=${outDir}`);
    for (const source of sources) expect(argv).toContain(join(REPO_ROOT, source));
  });

  it('builds each on-demand module beside the handler when bash runs it', () => {
    execFileSync('bash', ['-c', onDemandBuildCommand(sources, REPO_ROOT, outDir, 'linux')], {
      cwd: REPO_ROOT,
    });
    for (const name of ['parser-on-demand', 'classifier-on-demand']) {
      expect(existsSync(join(outDir, `${name}.mjs`))).toBe(true);
      expect(existsSync(join(outDir, `${name}.mjs.map`))).toBe(true);
    }
  });

  // cmd.exe does not exist here, so the Windows form is checked against cmd's quoting rules, not run.
  it('quotes for cmd.exe on Windows and runs the npm shim cmd can start', () => {
    const command = onDemandBuildCommand(sources, 'C:\\work\\tiewatch', 'C:\\cdk.out\\asset', 'win32');
    const args = command.match(/"[^"]*"|\S+/g) ?? [];
    expect(args.every((arg) => arg.startsWith('"') && arg.endsWith('"'))).toBe(true);
    expect(args[0]).toBe('"C:\\work\\tiewatch\\node_modules\\.bin\\esbuild.cmd"');
    expect(args).toContain(`"--banner:js=${BUNDLE_OPTIONS.banner}"`);
  });

  it('refuses a path cmd.exe would change instead of building somewhere else', () => {
    expect(() => onDemandBuildCommand(sources, 'C:\\work\\tiewatch', 'C:\\%TEMP%\\asset', 'win32')).toThrow(
      /percent sign/,
    );
  });
});
