/**
 * The one description of tiewatch's tables. The CDK storage construct and the local runner both build
 * their tables from it, so dynalite and DynamoDB always have the same keys and indexes.
 * Plain data on purpose: no CDK or SDK import, so a Lambda bundle can use it too.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDesign {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDesign {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes: IndexDesign[];
  /** Attribute holding an epoch-seconds expiry; reads filter on it too, since TTL deletion is lazy. */
  ttlAttribute?: string;
  /** Whether changes are streamed (the alerts table feeds the notify function). */
  stream: boolean;
}

export type TableRole = 'feeds' | 'stories' | 'alerts';

export const TABLE_DESIGN: Record<TableRole, TableDesign> = {
  // One item per feed, keyed by URL. Every feed carries registry = "feed", so the byDue index lists the
  // registry in due order with one Query and no Scan (a few thousand feeds fit one partition easily).
  feeds: {
    partitionKey: { name: 'url', type: 'S' },
    indexes: [
      {
        indexName: 'byDue',
        partitionKey: { name: 'registry', type: 'S' },
        sortKey: { name: 'nextDueAt', type: 'S' },
      },
    ],
    stream: false,
  },
  // Seen stories (pk "SEEN#<story key>") and recent relevant stories for near-duplicate checks
  // (pk "RECENT#<day>", sk story key). Both expire by TTL.
  stories: {
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: false,
  },
  // One item per distinct change, keyed by an id derived from the change. byTime orders all alerts newest
  // first (timeline = "alerts", sk = "<firstSeen>#<id>"); byFact does the same per fact (sparse: new
  // developments have no fact).
  alerts: {
    partitionKey: { name: 'id', type: 'S' },
    indexes: [
      {
        indexName: 'byTime',
        partitionKey: { name: 'timeline', type: 'S' },
        sortKey: { name: 'timeKey', type: 'S' },
      },
      {
        indexName: 'byFact',
        partitionKey: { name: 'factId', type: 'S' },
        sortKey: { name: 'timeKey', type: 'S' },
      },
    ],
    stream: true,
  },
};
