import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../lambda/adapters/http/format-quantity';

describe('formatBytes', () => {
  it.each([
    [10 * 1024 * 1024, '10 MiB'],
    [1.5 * 1024 * 1024, '1.5 MiB'],
    [512 * 1024, '512 KiB'],
    [1000, '1000 bytes'],
    [1024 * 1024 + 1, '1048577 bytes'],
  ])('writes %i as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [20_000, '20 s'],
    [1_500, '1.5 s'],
    [1_000, '1 s'],
    [300, '300 ms'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
