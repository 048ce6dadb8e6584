import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BodyTooLargeError, CorruptBodyError, UnsupportedContentEncodingError } from './fetch-errors';

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a response body into memory, undoing its Content-Encoding, and stops as soon as the decoded size
 * passes `maxBytes`. Counting decoded bytes while streaming is what defeats a gzip bomb: a few kilobytes on
 * the wire that would inflate to gigabytes are cut off after `maxBytes`, and zlib's own backpressure keeps it
 * from inflating ahead of us. On any failure (cap, abort, corrupt data) `pipeline` destroys the body stream,
 * which closes the socket under it.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const decoder = createDecoder(contentEncoding);
  const chunks: Buffer[] = [];
  let total = 0;
  // Kept aside because leaving the loop destroys the decoder first, and pipeline reports that error instead.
  let overflow: BodyTooLargeError | undefined;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        overflow = new BodyTooLargeError(maxBytes);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  // pipeline passes one stream's error on to the others, so note which failed first: only a decoder that
  // failed on its own means bad compressed data; a reset socket or an abort also reaches the decoder.
  let firstFailure: 'decoder' | 'body' | undefined;
  decoder?.once('error', () => {
    firstFailure ??= 'decoder';
  });
  body.once('error', () => {
    firstFailure ??= 'body';
  });
  try {
    await (decoder ? pipeline(body, decoder, collect, { signal }) : pipeline(body, collect, { signal }));
  } catch (error) {
    if (overflow) throw overflow;
    throw firstFailure === 'decoder' && !signal.aborted ? new CorruptBodyError(error) : error;
  }
  return Buffer.concat(chunks, total);
}

function createDecoder(contentEncoding: string | undefined): Transform | undefined {
  const encoding = contentEncoding?.trim().toLowerCase() ?? '';
  if (encoding === '' || encoding === 'identity') return undefined;
  // Stacked encodings ("gzip, br") are legal but unseen in practice for feeds; refusing them is clearer than guessing.
  const create = DECODERS[encoding];
  if (!create) throw new UnsupportedContentEncodingError(encoding);
  return create();
}
