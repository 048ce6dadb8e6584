import { afterEach, beforeEach, expect, vi } from 'vitest';

/** Puts process.env back as it was after each test of the calling block, whatever the test changed. */
export function restoreEnvAfterEach(): void {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });
}

/**
 * Sets one variable (undefined unsets it), loads the handler module afresh, as a new sandbox would, and
 * expects the load to stop with a SettingsError whose one problem names the variable as `problem` says.
 */
export async function expectColdStartRefused(
  load: () => Promise<unknown>,
  name: string,
  value: string | undefined,
  problem: string,
): Promise<void> {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  vi.resetModules();

  await expect(load()).rejects.toMatchObject({
    name: 'SettingsError',
    problems: [expect.stringContaining(problem)],
  });
}
