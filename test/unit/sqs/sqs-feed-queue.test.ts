import type { SendMessageBatchCommand, SendMessageBatchResult } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { decodeFeedMessage } from '../../../lambda/adapters/sqs/feed-message';
import { EnqueueError, SqsFeedQueue, type SqsSender } from '../../../lambda/adapters/sqs/sqs-feed-queue';

// SQS is an AWS-only service with no local stand-in here, so a recording fake plays SendMessageBatch.
type Reply = (entries: { Id: string; MessageBody: string }[]) => SendMessageBatchResult;

function fakeSqs(reply: Reply = () => ({ Successful: [], Failed: [] })) {
  const batches: { Id: string; MessageBody: string }[][] = [];
  const sender = {
    send: async (command: SendMessageBatchCommand) => {
      const entries = (command.input.Entries ?? []).map((e) => ({
        Id: String(e.Id),
        MessageBody: String(e.MessageBody),
      }));
      batches.push(entries);
      return reply(entries);
    },
  } as unknown as SqsSender;
  return { sender, batches };
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://feeds.example.org/${i}.xml`);

describe('SqsFeedQueue', () => {
  it('sends one message per feed, ten to a batch', async () => {
    const sqs = fakeSqs();
    await new SqsFeedQueue(sqs.sender, 'https://sqs.example/q').enqueue(urls(23));
    expect(sqs.batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
    const bodies = sqs.batches.flat().map((entry) => decodeFeedMessage(entry.MessageBody).url);
    expect(bodies).toEqual(urls(23));
  });

  it('sends a feed listed twice once', async () => {
    const sqs = fakeSqs();
    await new SqsFeedQueue(sqs.sender, 'https://sqs.example/q').enqueue([...urls(2), ...urls(2)]);
    expect(sqs.batches.flat()).toHaveLength(2);
  });

  it('resends only the entries SQS failed for a transient reason', async () => {
    let call = 0;
    const sqs = fakeSqs((entries) => {
      call += 1;
      return call === 1
        ? { Successful: [], Failed: [{ Id: entries[1]?.Id, Code: 'InternalError', SenderFault: false }] }
        : { Successful: [], Failed: [] };
    });
    await new SqsFeedQueue(sqs.sender, 'https://sqs.example/q', { retryDelayMs: () => 0 }).enqueue(urls(3));
    expect(sqs.batches.map((batch) => batch.map((entry) => entry.Id))).toEqual([['0', '1', '2'], ['1']]);
  });

  it('throws naming the feeds SQS refused, without resending a sender fault', async () => {
    const sqs = fakeSqs((entries) => ({
      Successful: [],
      Failed: [
        { Id: entries[0]?.Id, Code: 'InvalidMessageContents', Message: 'bad body', SenderFault: true },
      ],
    }));
    const enqueue = new SqsFeedQueue(sqs.sender, 'https://sqs.example/q', { retryDelayMs: () => 0 }).enqueue(
      urls(2),
    );
    await expect(enqueue).rejects.toThrow(EnqueueError);
    await expect(enqueue).rejects.toThrow('https://feeds.example.org/0.xml (bad body)');
    expect(sqs.batches).toHaveLength(1);
  });

  it('gives up after four attempts at a transient failure', async () => {
    const sqs = fakeSqs((entries) => ({
      Successful: [],
      Failed: [{ Id: entries[0]?.Id, Code: 'ServiceUnavailable', SenderFault: false }],
    }));
    const enqueue = new SqsFeedQueue(sqs.sender, 'https://sqs.example/q', { retryDelayMs: () => 0 }).enqueue(
      urls(1),
    );
    await expect(enqueue).rejects.toThrow(EnqueueError);
    expect(sqs.batches).toHaveLength(4);
  });
});
