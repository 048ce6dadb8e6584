import { readFileSync } from 'node:fs';
import type * as z from 'zod';
// Imported, not read from disk, so esbuild bundles the default baseline into the Lambda.
import shippedBaseline from './baseline.json';
import { BaselineError } from './baseline-error';
import { type Baseline, baselineSchema } from './schema';

/**
 * Loads and validates a baseline.
 * @param path a JSON baseline file; @default the shipped baseline (bundled, no file read)
 * @throws BaselineError naming the fact and the field path of the first problems
 */
export function loadBaseline(path?: string): Baseline {
  const raw = path === undefined ? shippedBaseline : readJson(path);
  return parseBaseline(raw, path ?? 'the shipped baseline');
}

/** Validates an already parsed baseline document. @throws BaselineError */
export function parseBaseline(raw: unknown, origin = 'baseline'): Baseline {
  const result = baselineSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => describeIssue(raw, issue));
  throw new BaselineError(`invalid baseline (${origin}): ${problems.join('; ')}`);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(
      `cannot read baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** `fact "gas-volume-target" (facts[3]) → values[0].unit: expected string, received number` */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const message = issue.message.replace(/^Invalid input: /, '');
  if (path[0] === 'facts' && typeof path[1] === 'number') {
    const index = path[1];
    const id = factIdAt(raw, index);
    const field = formatPath(path.slice(2));
    const label = id === undefined ? `fact facts[${index}]` : `fact "${id}" (facts[${index}])`;
    return `${label} → ${field === '' ? '(the fact itself)' : field}: ${message}`;
  }
  const field = formatPath(path);
  return `${field === '' ? '(root)' : field}: ${message}`;
}

function factIdAt(raw: unknown, index: number): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const facts = (raw as { facts?: unknown }).facts;
  if (!Array.isArray(facts)) return undefined;
  const fact: unknown = facts[index];
  if (typeof fact !== 'object' || fact === null) return undefined;
  const id = (fact as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
