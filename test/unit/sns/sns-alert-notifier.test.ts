import type { PublishCommand, PublishCommandInput } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { toSubject } from '../../../lambda/adapters/sns/format-alert-message';
import { SnsAlertNotifier, type SnsPublisher } from '../../../lambda/adapters/sns/sns-alert-notifier';
import type { Alert } from '../../../lambda/core/model/alert';

// SNS is an AWS-only service with no local stand-in here, so a recording fake plays Publish.
function fakeSns() {
  const published: PublishCommandInput[] = [];
  const publisher = {
    send: async (command: PublishCommand) => {
      published.push(command.input);
      return { MessageId: String(published.length) };
    },
  } as unknown as SnsPublisher;
  return { publisher, published };
}

const alert: Alert = {
  id: 'a1',
  kind: 'update',
  factIds: ['visa-free-trial'],
  findings: [
    {
      factId: 'visa-free-trial',
      verdict: 'updates',
      baseline: '1 year',
      observed: 'until 14 September 2027',
      evidence: 'China extended visa-free entry for Russians until 14 September 2027.',
    },
  ],
  countries: ['CN', 'RU'],
  title: 'Безвизовый режим продлён <b>',
  link: 'https://news.example.org/visa',
  source: 'Example News',
  published: '2026-09-01T10:00:00.000Z',
  firstSeen: '2026-09-01T10:05:00.000Z',
  sources: [
    {
      storyKey: 'https://news.example.org/visa',
      title: 'Безвизовый режим продлён <b>',
      link: 'https://news.example.org/visa',
      source: 'Example News',
      published: '2026-09-01T10:00:00.000Z',
      seenAt: '2026-09-01T10:05:00.000Z',
    },
  ],
};

describe('SnsAlertNotifier', () => {
  it('publishes text for e-mail and the JSON view for programs, to the configured topic', async () => {
    const sns = fakeSns();
    await new SnsAlertNotifier(sns.publisher, 'arn:aws:sns:eu-west-1:123456789012:alerts').publish(alert);
    const [input] = sns.published;
    expect(input?.TopicArn).toBe('arn:aws:sns:eu-west-1:123456789012:alerts');
    expect(input?.MessageStructure).toBe('json');
    const message = JSON.parse(String(input?.Message));
    expect(message.email).toBe(message.default);
    expect(message.email).toContain('1 year → until 14 September 2027');
    expect(message.email).toContain('https://news.example.org/visa');
    expect(JSON.parse(message.https)).toMatchObject({
      id: 'a1',
      kind: 'update',
      factIds: ['visa-free-trial'],
    });
  });

  it('labels the message so subscriptions can filter on kind, facts and countries', async () => {
    const sns = fakeSns();
    await new SnsAlertNotifier(sns.publisher, 'arn:aws:sns:eu-west-1:123456789012:alerts').publish(alert);
    expect(sns.published[0]?.MessageAttributes).toEqual({
      kind: { DataType: 'String', StringValue: 'update' },
      facts: { DataType: 'String.Array', StringValue: '["visa-free-trial"]' },
      countries: { DataType: 'String.Array', StringValue: '["CN","RU"]' },
    });
  });
});

describe('toSubject', () => {
  it('keeps a subject SNS accepts: printable ASCII, one line, under 100 characters', () => {
    const subject = toSubject(
      `tiewatch: ${'Безвизовый режим → ещё '.repeat(3)}\nvisa-free-trial updated: ${'x'.repeat(200)}`,
    );
    expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    expect(subject.endsWith('...')).toBe(true);
    expect(subject.startsWith('tiewatch: ->')).toBe(true);
  });

  it('spells out arrows and drops accents', () => {
    expect(toSubject('Café → Zürich')).toBe('Cafe -> Zurich');
  });
});
