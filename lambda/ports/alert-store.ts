import type { Alert, AlertSource } from '../core/model/alert';
import type { AlertKind, CountryCode } from '../core/model/classification';

export interface AlertQuery {
  kind?: AlertKind;
  factId?: string;
  country?: CountryCode;
  /** Only alerts first seen at or after this time. */
  since?: Date;
  until?: Date;
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface AlertPage {
  alerts: Alert[];
  cursor?: string;
}

/** What recording an alert came to: a new alert, or a source added to the alert for the same change. */
export type RecordResult =
  | { kind: 'created'; alert: Alert }
  | { kind: 'corroborated'; alertId: string; added: boolean };

export interface AlertStore {
  /**
   * Creates the alert if no alert has its id; otherwise adds its first source to the existing alert.
   * Idempotent: recording the same alert from the same story twice changes nothing.
   */
  record(alert: Alert): Promise<RecordResult>;
  /** Adds a corroborating source to an existing alert (idempotent per story key). */
  addSource(alertId: string, source: AlertSource): Promise<boolean>;
  get(id: string): Promise<Alert | undefined>;
  /** Newest first, through the time-ordered index. */
  query(query: AlertQuery): Promise<AlertPage>;
}

/**
 * A paging cursor that this store did not issue for this query: altered, issued for other filters, or
 * from an older cursor format. The feed API answers it with 400.
 */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

/** A source was added to an alert that does not exist. */
export class AlertNotFoundError extends Error {
  constructor(readonly alertId: string) {
    super(`alert not found: ${alertId}`);
    this.name = 'AlertNotFoundError';
  }
}
