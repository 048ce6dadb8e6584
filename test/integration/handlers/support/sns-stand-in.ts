import { randomUUID } from 'node:crypto';
import { type RecordedRequest, type Reply, startRecordingServer } from './recording-server';

/** One Publish call as SNS would read it. */
export interface Publication {
  topicArn: string;
  subject: string | undefined;
  message: string;
  messageStructure: string | undefined;
  /** Message attributes by name: data type and string value. */
  attributes: Record<string, { dataType: string; stringValue: string | undefined }>;
}

/** Decides whether SNS refuses one Publish, and with which error code. */
export type PublishRule = (publication: Publication) => { code: string; status: number } | undefined;

export interface SnsStandIn {
  /** The server's origin, for AWS_ENDPOINT_URL_SNS. */
  origin: string;
  /** Publications SNS accepted, in order: what subscribers would receive. */
  published: Publication[];
  /** Every Publish call, refused ones included. */
  attempted: Publication[];
  answer(rule: PublishRule): void;
  /** Forgets what was published and accepts everything again. */
  reset(): void;
  close(): Promise<void>;
}

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function publicationOf(form: URLSearchParams): Publication {
  const attributes: Publication['attributes'] = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n += 1) {
    const prefix = `MessageAttributes.entry.${n}`;
    attributes[form.get(`${prefix}.Name`) ?? ''] = {
      dataType: form.get(`${prefix}.Value.DataType`) ?? '',
      stringValue: form.get(`${prefix}.Value.StringValue`) ?? undefined,
    };
  }
  return {
    topicArn: form.get('TopicArn') ?? '',
    subject: form.get('Subject') ?? undefined,
    message: form.get('Message') ?? '',
    messageStructure: form.get('MessageStructure') ?? undefined,
    attributes,
  };
}

const errorReply = (status: number, code: string, message: string): Reply => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
});

/**
 * Stands in for SNS, an AWS-only service: a real HTTP server on loopback that answers Publish in the AWS query
 * protocol the SDK's SNS client speaks (a form-encoded POST with Action=Publish, answered in XML).
 */
export async function startSnsStandIn(topicArn: string): Promise<SnsStandIn> {
  let rule: PublishRule = () => undefined;
  const published: Publication[] = [];
  const attempted: Publication[] = [];
  const answer = (request: RecordedRequest): Reply => {
    const form = new URLSearchParams(request.body);
    if (
      request.method !== 'POST' ||
      form.get('Action') !== 'Publish' ||
      form.get('Version') !== '2010-03-31'
    ) {
      return errorReply(400, 'InvalidAction', `not a Publish call: ${form.get('Action')}`);
    }
    const publication = publicationOf(form);
    attempted.push(publication);
    if (publication.topicArn !== topicArn) return errorReply(404, 'NotFound', 'Topic does not exist');
    const refusal = rule(publication);
    if (refusal) return errorReply(refusal.status, refusal.code, `${refusal.code} (stand-in)`);
    published.push(publication);
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    };
  };
  const server = await startRecordingServer(answer);
  return {
    origin: server.origin,
    published,
    attempted,
    answer: (next) => {
      rule = next;
    },
    reset: () => {
      rule = () => undefined;
      published.length = 0;
      attempted.length = 0;
    },
    close: () => server.close(),
  };
}
