import { createHash, randomUUID } from 'node:crypto';
import {
  type RecordedRequest,
  type RecordingServer,
  type Reply,
  startRecordingServer,
} from './recording-server';

/** How the stand-in answers one entry: accepted (undefined), or failed with an SQS error code. */
export type EntryVerdict = { code: string; senderFault: boolean } | undefined;

/** Decides an entry's fate from its body and how many times that body has been sent so far (1 = first). */
export type EntryRule = (body: string, attempt: number) => EntryVerdict;

export interface SqsStandIn {
  /** The queue's URL: https, on this server, as the dispatch function's QUEUE_URL must be. */
  queueUrl: string;
  /** The server's origin, for AWS_ENDPOINT_URL_SQS. */
  origin: string;
  /** Message bodies the queue accepted, in order: what the ingest function would be handed. */
  accepted: string[];
  /** Entries of each SendMessageBatch call, as sent. */
  batches: { Id: string; MessageBody: string }[][];
  /** Sets how entries are answered (every entry accepted until told otherwise), or refuses every call. */
  answer(rule: EntryRule | 'queue-does-not-exist'): void;
  /** Forgets what was sent and accepts everything again. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_1_0 = 'application/x-amz-json-1.0';

/**
 * Stands in for SQS, an AWS-only service: a real HTTPS server on loopback that answers SendMessageBatch in
 * the AWS JSON 1.0 protocol the SDK's SQS client speaks (X-Amz-Target: AmazonSQS.SendMessageBatch), with
 * SQS's per-entry results and body MD5s (the SDK checks them) and its query-compatible error headers.
 */
export async function startSqsStandIn(tls: { key: string; cert: string }): Promise<SqsStandIn> {
  let rule: EntryRule | 'queue-does-not-exist' = () => undefined;
  const accepted: string[] = [];
  const batches: { Id: string; MessageBody: string }[][] = [];
  const sent = new Map<string, number>();
  let queueUrl = '';

  const error = (status: number, type: string, queryError: string, message: string): Reply => ({
    status,
    headers: { 'content-type': JSON_1_0, 'x-amzn-query-error': queryError },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }),
  });

  const sendMessageBatch = (request: RecordedRequest): Reply => {
    if (
      request.headers['content-type'] !== JSON_1_0 ||
      request.headers['x-amz-target'] !== 'AmazonSQS.SendMessageBatch'
    ) {
      return error(
        400,
        'UnsupportedOperation',
        'AWS.SimpleQueueService.UnsupportedOperation;Sender',
        'not SendMessageBatch',
      );
    }
    const input = JSON.parse(request.body) as {
      QueueUrl: string;
      Entries: { Id: string; MessageBody: string }[];
    };
    if (rule === 'queue-does-not-exist' || input.QueueUrl !== queueUrl) {
      return error(
        400,
        'QueueDoesNotExist',
        'AWS.SimpleQueueService.NonExistentQueue;Sender',
        'The specified queue does not exist.',
      );
    }
    batches.push(input.Entries);
    const entryRule = rule;
    const successful: { Id: string; MessageId: string; MD5OfMessageBody: string }[] = [];
    const failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
    for (const entry of input.Entries) {
      const attempt = (sent.get(entry.MessageBody) ?? 0) + 1;
      sent.set(entry.MessageBody, attempt);
      const verdict = entryRule(entry.MessageBody, attempt);
      if (verdict) {
        failed.push({
          Id: entry.Id,
          SenderFault: verdict.senderFault,
          Code: verdict.code,
          Message: `${verdict.code} (stand-in)`,
        });
        continue;
      }
      accepted.push(entry.MessageBody);
      const md5 = createHash('md5').update(entry.MessageBody).digest('hex');
      successful.push({ Id: entry.Id, MessageId: randomUUID(), MD5OfMessageBody: md5 });
    }
    return {
      status: 200,
      headers: { 'content-type': JSON_1_0 },
      body: JSON.stringify({ Successful: successful, ...(failed.length > 0 ? { Failed: failed } : {}) }),
    };
  };

  const server: RecordingServer = await startRecordingServer(sendMessageBatch, tls);
  queueUrl = `${server.origin}/123456789012/tiewatch-ingest`;
  return {
    queueUrl,
    origin: server.origin,
    accepted,
    batches,
    answer: (next) => {
      rule = next;
    },
    reset: () => {
      rule = () => undefined;
      accepted.length = 0;
      batches.length = 0;
      sent.clear();
    },
    close: () => server.close(),
  };
}
