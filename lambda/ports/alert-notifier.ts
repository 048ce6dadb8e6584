import type { Alert } from '../core/model/alert';

/** Tells people about a new alert (SNS in AWS: e-mail and HTTPS subscribers). */
export interface AlertNotifier {
  publish(alert: Alert): Promise<void>;
}
