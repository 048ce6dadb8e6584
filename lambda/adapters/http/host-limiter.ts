import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Keeps at most `concurrency` tasks running against any one host, however many feeds live there, so a cycle
 * never hammers a publisher that hosts dozens of our feeds. Limiters are kept for the fetcher's lifetime:
 * the hosts are those of the feed list and its redirects, a bounded set.
 */
export class HostLimiter {
  private readonly limits = new Map<string, LimitFunction>();

  constructor(private readonly concurrency: number) {}

  /** Runs `task` once fewer than `concurrency` tasks for `host` are in flight. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    let limit = this.limits.get(key);
    if (!limit) {
      limit = pLimit(this.concurrency);
      this.limits.set(key, limit);
    }
    return limit(task);
  }
}
