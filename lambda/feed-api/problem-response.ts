import type { FeedResponse } from './feed-api-types';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

/** Extra members of a problem: the parameter at fault, or the request id to quote. */
export interface ProblemMembers {
  detail: string;
  parameter?: string;
  requestId?: string;
}

/** An RFC 9457 problem document; never carries a stack trace or an internal message. */
export function problemResponse(
  status: number,
  members: ProblemMembers,
  headers: Record<string, string> = {},
): FeedResponse {
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...members };
  return {
    status,
    headers: { ...headers, 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}
