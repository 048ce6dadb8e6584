import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { pollIntervalFor } from '../../lib/ingestion';
import { InvalidSettingsError, parseSettings } from '../../lib/settings';

describe('parseSettings', () => {
  it('fills in every default when nothing is set', () => {
    const settings = parseSettings({});
    expect(settings.scheduleRate.toMinutes()).toBe(15);
    expect(settings).toMatchObject({
      storyTtlDays: 30,
      alertRetention: 'retain',
      feedAuth: 'public',
      logRetention: RetentionDays.ONE_MONTH,
      ingestConcurrency: 5,
    });
    expect(settings.alertEmail).toBeUndefined();
    expect(settings.alarmEmail).toBeUndefined();
  });

  it('reads the strings that `-c key=value` passes', () => {
    const settings = parseSettings({ storyTtlDays: '14', logRetention: '90', ingestConcurrency: '20' });
    expect(settings).toMatchObject({
      storyTtlDays: 14,
      logRetention: RetentionDays.THREE_MONTHS,
      ingestConcurrency: 20,
    });
  });

  it.each([
    ['15 minutes', 15],
    ['1 hour', 60],
    ['2 hours', 120],
    ['1 day', 1440],
    ['30minutes', 30],
  ])('reads the schedule rate %j as %i minutes', (rate, minutes) => {
    expect(parseSettings({ scheduleRate: rate }).scheduleRate.toMinutes()).toBe(minutes);
  });

  it('treats an empty e-mail setting as unset', () => {
    expect(parseSettings({ alertEmail: '' }).alertEmail).toBeUndefined();
  });

  it.each([
    ['scheduleRate', '2 minutes'],
    ['scheduleRate', 'every 15 minutes'],
    ['storyTtlDays', '1'],
    ['storyTtlDays', 'thirty'],
    ['alertRetention', 'snapshot'],
    ['alertEmail', 'not-an-address'],
    ['feedAuth', 'cognito'],
    ['logRetention', '31'],
    ['ingestConcurrency', '1'],
  ])('refuses %s = %j and names the setting', (key, value) => {
    expect(() => parseSettings({ [key]: value })).toThrow(InvalidSettingsError);
    expect(() => parseSettings({ [key]: value })).toThrow(new RegExp(`^[\\s\\S]*\\n  ${key}: `));
  });

  it('names every bad setting at once', () => {
    try {
      parseSettings({ feedAuth: 'open', logRetention: 2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSettingsError);
      expect((error as InvalidSettingsError).problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
        ['feedAuth', 'logRetention'],
      );
    }
  });
});

describe('pollIntervalFor', () => {
  it('schedules the next poll two minutes before the next dispatch at the default rate', () => {
    expect(pollIntervalFor(Duration.minutes(15)).toSeconds()).toBe(13 * 60);
  });

  it('keeps a fifth of a short rate as slack', () => {
    expect(pollIntervalFor(Duration.minutes(5)).toSeconds()).toBe(4 * 60);
  });
});
