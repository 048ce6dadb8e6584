import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { type KeyAttribute, TABLE_DESIGN } from '../lambda/adapters/dynamodb/table-design';

/** Raised when a grant names an index that TABLE_DESIGN does not have (a typo would grant nothing useful). */
export class UnknownIndexError extends Error {
  constructor(readonly indexName: string) {
    super(`no index named ${indexName} in TABLE_DESIGN`);
    this.name = 'UnknownIndexError';
  }
}

/**
 * The DynamoDB actions a tiewatch function may be granted: a closed list, so no grant can name `dynamodb:*`
 * or an action nobody reviewed.
 */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'BatchWriteItem'
  | 'DeleteItem';

/** Where a grant applies: the base table, and each index by name (never `index/*`). */
export interface TableGrantScope {
  /** @default true */
  table?: boolean;
  /** @default none */
  indexes?: string[];
}

export interface StorageProps {
  /** `retain` keeps the table and its alerts when the stack is deleted. */
  alertRetention: 'retain' | 'destroy';
}

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

/**
 * The one tiewatch table, built from TABLE_DESIGN so that DynamoDB and the local dynalite table always
 * share keys and indexes.
 *
 * Encryption uses the AWS managed key (aws/dynamodb) rather than the default AWS owned key, so every use of
 * the key is visible in CloudTrail, and rather than a customer managed key, which would cost a monthly fee
 * and a key policy plus kms:Decrypt grants on every function and on the stream poller, for data that is
 * public news and never shared across accounts.
 */
export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const retain = props.alertRetention === 'retain';
    this.table = new Table(this, 'Table', {
      partitionKey: attribute(TABLE_DESIGN.partitionKey),
      sortKey: attribute(TABLE_DESIGN.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_DESIGN.ttlAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      // New images only: the notify function needs the inserted alert, never the previous state.
      stream: StreamViewType.NEW_IMAGE,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      deletionProtection: retain,
    });
    for (const index of TABLE_DESIGN.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        // Both indexes serve whole items (feed states in due order, alerts newest first): a KEYS_ONLY
        // projection would turn every page into a Query plus a BatchGetItem.
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** Grants exactly these actions on the table and the named indexes, nothing else. */
  grant(grantee: IGrantable, actions: TableAction[], scope: TableGrantScope = {}): Grant {
    const resourceArns = [
      ...((scope.table ?? true) ? [this.table.tableArn] : []),
      ...(scope.indexes ?? []).map((indexName) => this.indexArn(indexName)),
    ];
    return Grant.addToPrincipal({
      grantee,
      actions: actions.map((action) => `dynamodb:${action}`),
      resourceArns,
    });
  }

  /** ARN of one of TABLE_DESIGN's indexes, for grants that name the index instead of `index/*`. */
  indexArn(indexName: string): string {
    if (!TABLE_DESIGN.indexes.some((index) => index.indexName === indexName)) {
      throw new UnknownIndexError(indexName);
    }
    return `${this.table.tableArn}/index/${indexName}`;
  }
}
