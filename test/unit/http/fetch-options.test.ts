import { describe, expect, it } from 'vitest';
import { parseFetchOptions } from '../../../lambda/adapters/http/fetch-options';

describe('parseFetchOptions', () => {
  it('fills in the documented defaults', () => {
    expect(parseFetchOptions()).toEqual({
      deadlineMs: 20_000,
      connectTimeoutMs: 10_000,
      maxBodyBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
      perHostConcurrency: 2,
      allowPrivateNetwork: false,
      userAgent: expect.stringMatching(
        /^tiewatch\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/tiewatch\/tiewatch\)$/,
      ),
    });
  });

  it('rejects a misspelt option instead of ignoring it', () => {
    expect(() => parseFetchOptions({ deadlineMS: 5 } as never)).toThrow(/deadlineMS/);
  });

  it('rejects a zero concurrency', () => {
    expect(() => parseFetchOptions({ perHostConcurrency: 0 })).toThrow(/perHostConcurrency/);
  });
});
