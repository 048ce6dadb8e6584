import type { Alert } from '../core/model/alert';

/**
 * What a rendered feed depends on besides the request: which alerts, and how many sources each has. An
 * alert's other fields never change after it is recorded; corroboration only ever adds a source.
 */
function fingerprintOf(alerts: readonly Alert[]): string {
  return alerts.map((alert) => `${alert.id}\u0000${alert.sources.length}`).join('\u0001');
}

/**
 * Rendered feed documents, reused while the page of alerts behind them is unchanged. Feed readers poll the
 * same few URLs far more often than alerts change (once per cycle at most), and rendering XML through the
 * `feed` package costs more than the DynamoDB read itself, so a warm Lambda or the local server renders a
 * document once per change. The read still happens on every request, so a new alert shows at once.
 */
export class RenderedFeedCache {
  private readonly entries = new Map<string, { fingerprint: string; body: string }>();

  /** @param capacity documents kept (one per URL: format, filters, host), least recently used dropped first */
  constructor(private readonly capacity = 64) {}

  render(key: string, alerts: readonly Alert[], render: () => string): string {
    const fingerprint = fingerprintOf(alerts);
    const cached = this.entries.get(key);
    this.entries.delete(key);
    const body = cached?.fingerprint === fingerprint ? cached.body : render();
    // Re-inserting moves the key to the end of the Map's order, which makes the first key the oldest.
    this.entries.set(key, { fingerprint, body });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return body;
  }
}
