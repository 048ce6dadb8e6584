import * as z from '../../validation/zod-mini';

/** Raised at cold start when a function's environment lacks a setting or holds a bad one; names each. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid Lambda settings: ${problems.join('; ')}`);
    this.name = 'SettingsError';
  }
}

/**
 * Validates the environment variables a handler needs, once, at module load. A missing or malformed
 * variable stops the cold start with its name, rather than failing later on the first request.
 */
export function readSettings<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.output<z.ZodMiniObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  throw new SettingsError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return env[name] === undefined ? `${name} is not set` : `${name}: ${issue.message}`;
    }),
  );
}

/** A required, non-empty string variable. */
export const requiredText = z.string().check(z.trim(), z.minLength(1));
