import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a separate process, feeding `input` on stdin. */
function runCli(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tiewatch.mjs', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const GOOD = [
  {
    id: 'a',
    title: 'Russia and North Korea open road bridge',
    summary: 'Moscow and Pyongyang opened the bridge.',
    published: '2025-08-01',
  },
  { id: 'b', title: 'Parliament passes budget in Lima' },
  {
    id: 'c',
    title: 'North Korea denies sending arms to Russia',
    summary: 'Pyongyang called the reports absurd.',
    published: '2024-05-17T09:00:00Z',
  },
];

describe('tiewatch classify (a real process)', () => {
  it('writes one line per story, in order, in the documented shape, and exits 0', async () => {
    // Act
    const run = await runCli(['classify'], `${GOOD.map((story) => JSON.stringify(story)).join('\n')}\n`);
    // Assess
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(lines[0])).toEqual(['id', 'relevant', 'countries', 'facts', 'alert']);
    expect(lines[0]).toMatchObject({
      relevant: true,
      countries: ['RU', 'KP'],
      alert: { kind: 'new-development', factIds: [] },
    });
    expect(lines[1]).toEqual({ id: 'b', relevant: false, countries: [], facts: [], alert: null });
    expect(lines[2].facts[0]).toMatchObject({ factId: 'nk-arms-troops', verdict: 'contradicts' });
    expect(lines[2].alert).toEqual({ kind: 'contradiction', factIds: ['nk-arms-troops'] });
  });

  it('reports bad lines by number on stderr, classifies the rest and exits 1', async () => {
    // Prepare
    const input = [
      JSON.stringify(GOOD[0]),
      '{not json',
      JSON.stringify({ id: 'x', summary: 'no title' }),
      JSON.stringify(GOOD[1]),
    ].join('\n');
    // Act
    const run = await runCli(['classify'], input);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 2: not valid JSON/);
    expect(run.stderr).toMatch(/line 3: title:/);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['a', 'b']);
  });

  it('uses a baseline given with --baseline and names a broken one', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'tiewatch-cli-'));
    const broken = join(dir, 'baseline.json');
    writeFileSync(
      broken,
      JSON.stringify({ version: 1, source: { title: 't', published: '2025-09-02' }, facts: [{ id: 'x' }] }),
    );
    // Act
    const run = await runCli(['classify', '--baseline', broken], `${JSON.stringify(GOOD[1])}\n`);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fact "x" \(facts\[0\]\) → statement/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
