/**
 * The one description of tiewatch's table. The CDK storage construct and the local runner both build the
 * table from it, so dynalite and DynamoDB always have the same keys and indexes.
 * Plain data on purpose: no CDK or SDK import, so a Lambda bundle can use it too.
 *
 * One table holds every kind of item (single-table design), so that a deployed monitor is named by one
 * table name (`--table NAME`) and one stream carries alert inserts to the notify function:
 *
 * | item                | pk                   | sk          | gsi1pk / gsi1sk                 | gsi2pk / gsi2sk             | expiresAt |
 * |---------------------|----------------------|-------------|---------------------------------|-----------------------------|-----------|
 * | feed                | FEED#<url>           | FEED        | FEEDS / <nextDueAt>             | –                           | –         |
 * | seen story          | STORY#<story key>    | STORY       | –                               | –                           | yes       |
 * | recent relevant     | RECENT#<day>         | <story key> | –                               | –                           | yes       |
 * | alert               | ALERT#<alert id>     | ALERT       | ALERTS / <firstSeen>#<id>       | FACT#<factId> / same        | –         |
 *
 * gsi1 lists the registry in due order and all alerts newest first; gsi2 lists one fact's alerts newest
 * first (sparse: new developments have no fact). Every item carries `type` so stream consumers can filter.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDesign {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDesign {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  indexes: IndexDesign[];
  /** Attribute holding an epoch-seconds expiry; reads filter on it too, since TTL deletion is lazy. */
  ttlAttribute: string;
}

export const TABLE_DESIGN: TableDesign = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
  ],
  ttlAttribute: 'expiresAt',
};
