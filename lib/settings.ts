import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import * as z from 'zod';

/** The retention periods CloudWatch Logs accepts (it rejects any other number of days). */
const LOG_RETENTION_DAYS = Object.values(RetentionDays).filter(
  (value): value is RetentionDays => typeof value === 'number',
);

/** `-c key=value` on the command line gives strings; cdk.json gives JSON values. Both must read the same. */
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** An empty string (`-c alertEmail=`) means "not set", so a default in cdk.json can be switched off. */
const optionalEmail = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.email().optional(),
);

/**
 * "15 minutes", "1 hour", "2 hours" or "1 day": the units EventBridge Scheduler's rate() takes.
 * At least 5 minutes, so that tiewatch stays a polite poller of other people's feeds.
 */
const scheduleRate = z
  .string()
  .trim()
  .regex(/^\d+ ?(minutes?|hours?|days?)$/, 'a rate such as "15 minutes", "1 hour" or "1 day"')
  .transform((text) => {
    const amount = Number.parseInt(text, 10);
    const unit = text.replace(/^\d+ ?/, '');
    if (unit.startsWith('minute')) return Duration.minutes(amount);
    if (unit.startsWith('hour')) return Duration.hours(amount);
    return Duration.days(amount);
  })
  .refine((rate) => rate.toMinutes() >= 5, 'at least 5 minutes');

/**
 * The deploy-time settings, read from the CDK context (cdk.json, or `-c key=value`).
 * Each one has a default so that `npx cdk deploy` works with no settings at all.
 */
export const settingsSchema = z.object({
  /** How often due feeds are polled. @default "15 minutes" */
  scheduleRate: scheduleRate.default(() => Duration.minutes(15)),
  /**
   * Days a seen story is remembered. A story older than this is never re-read (it would raise stale alerts),
   * so it also bounds how far back a feed's items are considered. @default 30
   */
  storyTtlDays: wholeNumber(2, 365).default(30),
  /**
   * What happens to the table (and so the alerts) when the stack is deleted: `retain` keeps it, `destroy`
   * deletes it with the stack (throwaway test stacks only). @default "retain"
   */
  alertRetention: z.enum(['retain', 'destroy']).default('retain'),
  /** Address that receives every new alert by e-mail (SNS asks it to confirm first). @default none */
  alertEmail: optionalEmail,
  /** Address that receives the operational alarms (errors, dead letters, failing feeds). @default none */
  alarmEmail: optionalEmail,
  /** `public` serves the alert feed to anyone (feed readers cannot sign requests); `iam` requires SigV4. @default "public" */
  feedAuth: z.enum(['public', 'iam']).default('public'),
  /** Days every log group keeps its logs; one of the periods CloudWatch Logs accepts. @default 30 */
  logRetention: z.coerce
    .number()
    .transform((days, context) => {
      const retention = LOG_RETENTION_DAYS.find((accepted) => accepted === days);
      if (retention === undefined) {
        context.addIssue({
          code: 'custom',
          message: 'a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90…)',
        });
        return z.NEVER;
      }
      return retention;
    })
    .default(RetentionDays.ONE_MONTH),
  /** Ingest invocations running at once (each polls one batch of feeds); the SQS event source's maximum. @default 5 */
  ingestConcurrency: wholeNumber(2, 1000).default(5),
});

export type TiewatchSettings = z.output<typeof settingsSchema>;

/** The context keys that hold settings: only these are read, so unrelated context (feature flags) is ignored. */
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

/** Raised when a setting in the CDK context has a value tiewatch cannot use; the message names each one. */
export class InvalidSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid tiewatch settings in the CDK context (cdk.json or -c):\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidSettingsError';
  }
}

/** Validates raw setting values (as the CDK context holds them) and fills in the defaults. */
export function parseSettings(raw: Record<string, unknown>): TiewatchSettings {
  const result = settingsSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new InvalidSettingsError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`),
  );
}

/** Reads every setting from the context of the given construct tree. */
export function readSettings(node: Node): TiewatchSettings {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value: unknown = node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  return parseSettings(raw);
}
