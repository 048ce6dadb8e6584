import { DEFAULT_POLL_POLICY, type PollPolicy } from '../../core/feeds/next-poll';

/**
 * The registry's poll policy for a deployed schedule. The wait after a successful poll comes from the stack
 * (POLL_INTERVAL_SECONDS, a little under the schedule rate: see the ingestion construct); backoff after
 * failures keeps the registry's defaults.
 */
export function pollPolicyFor(pollIntervalSeconds: number): PollPolicy {
  return { ...DEFAULT_POLL_POLICY, pollIntervalMs: pollIntervalSeconds * 1000 };
}
