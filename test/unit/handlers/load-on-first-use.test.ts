import { describe, expect, it } from 'vitest';
import { loadOnFirstUse } from '../../../lambda/handlers/shared/load-on-first-use';

describe('loadOnFirstUse', () => {
  it('loads nothing until the first call, then once for every caller, concurrent ones included', async () => {
    let loads = 0;
    const load = loadOnFirstUse(async () => {
      loads += 1;
      return { value: loads };
    });
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let attempts = 0;
    const load = loadOnFirstUse(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('first attempt fails');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('first attempt fails');
    await expect(load()).resolves.toBe('loaded');
    expect(attempts).toBe(2);
  });
});
