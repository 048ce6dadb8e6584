import type { Alert } from '../core/model/alert';
import type { AlertNotifier } from '../ports/alert-notifier';

/** Publishes each newly created alert once; returns how many were published. */
export async function notifyNewAlerts(alerts: Alert[], notifier: AlertNotifier): Promise<number> {
  for (const alert of alerts) await notifier.publish(alert);
  return alerts.length;
}
