import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { readSettings, requiredText, SettingsError } from '../../../lambda/handlers/shared/read-settings';

describe('readSettings', () => {
  const shape = { TABLE_NAME: requiredText, STORY_TTL_DAYS: z.coerce.number().int().min(2) };

  it('returns the parsed settings', () => {
    expect(readSettings(shape, { TABLE_NAME: 'tiewatch', STORY_TTL_DAYS: '30' })).toEqual({
      TABLE_NAME: 'tiewatch',
      STORY_TTL_DAYS: 30,
    });
  });

  it('stops with the name of each missing variable', () => {
    expect(() => readSettings(shape, {})).toThrow(SettingsError);
    expect(() => readSettings(shape, {})).toThrow('TABLE_NAME is not set; STORY_TTL_DAYS is not set');
  });

  it('names a variable that is set but malformed', () => {
    expect(() => readSettings(shape, { TABLE_NAME: ' ', STORY_TTL_DAYS: '1' })).toThrow(
      /TABLE_NAME: .*; STORY_TTL_DAYS: /,
    );
  });
});
