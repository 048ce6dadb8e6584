import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../../core/model/alert';
import type { AlertNotifier } from '../../ports/alert-notifier';
import { formatAlertMessage } from './format-alert-message';

/** The part of SNSClient this adapter uses, so a test can stand in for the AWS-only service. */
export type SnsPublisher = Pick<SNSClient, 'send'>;

/**
 * Publishes each new alert to the SNS topic: readable text for e-mail (and any protocol without its own
 * message), the alert's JSON view for HTTPS, SQS and Lambda subscribers. Message attributes carry the kind,
 * facts and countries, so a subscription's filter policy can pick only the alerts it wants.
 */
export class SnsAlertNotifier implements AlertNotifier {
  constructor(
    private readonly sns: SnsPublisher,
    private readonly topicArn: string,
  ) {}

  async publish(alert: Alert): Promise<void> {
    const message = formatAlertMessage(alert);
    const json = JSON.stringify(message.view);
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: message.subject,
        MessageStructure: 'json',
        Message: JSON.stringify({
          default: message.text,
          email: message.text,
          https: json,
          sqs: json,
          lambda: json,
        }),
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: alert.kind },
          ...(alert.factIds.length > 0
            ? { facts: { DataType: 'String.Array', StringValue: JSON.stringify(alert.factIds) } }
            : {}),
          ...(alert.countries.length > 0
            ? { countries: { DataType: 'String.Array', StringValue: JSON.stringify(alert.countries) } }
            : {}),
        },
      }),
    );
  }
}
