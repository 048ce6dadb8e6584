import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { TABLE_DESIGN } from '../../lambda/adapters/dynamodb/table-design';
import { parseFeed } from '../../lambda/adapters/feed-parser/parse-feed';
import { loadBaseline } from '../../lambda/baseline/load-baseline';
import { createClassifier } from '../../lambda/core/detect/classify';
import { parseFeedList } from '../../lambda/core/feeds/parse-feed-list';
import { storyTextOf } from '../../lambda/core/stories/story-text';
import { METRICS } from '../../lambda/handlers/shared/metric-names';
import {
  ESM_REQUIRE_BANNER,
  LAMBDA_NODE_OPTIONS,
  ON_DEMAND_MODULES,
  onDemandFileOf,
} from '../../lib/function-bundling';
import { DEFAULT_FEED_LIST } from '../../lib/tiewatch-app';
import { FUNCTION_RUNTIME, type TiewatchFunction } from '../../lib/tiewatch-function';
import type { TiewatchStack } from '../../lib/tiewatch-stack';
import {
  actionsOf,
  assetDirOf,
  logicalIdOf,
  type SynthesisedTiewatch,
  statementsOfFunction,
  statementsOfRole,
  synthTiewatch,
} from './synth-tiewatch';

// The whole app with the cdk.json settings, bundled by esbuild: synthesised once for every test below.
let synthesised: SynthesisedTiewatch;
let template: Template;
let stack: TiewatchStack;

beforeAll(() => {
  synthesised = synthTiewatch({ bundle: true });
  template = synthesised.template;
  stack = synthesised.stack;
});

afterAll(() => synthesised?.dispose());

const getAtt = (construct: Parameters<typeof logicalIdOf>[0], attribute = 'Arn') => ({
  'Fn::GetAtt': [logicalIdOf(construct), attribute],
});
const ref = (construct: Parameters<typeof logicalIdOf>[0]) => ({ Ref: logicalIdOf(construct) });
const fnId = (fn: TiewatchFunction) => logicalIdOf(fn.function);
const functionsOf = (s: TiewatchStack): TiewatchFunction[] => [
  ...s.ingestion.functions,
  s.alertFeedApi.feedFunction,
  s.notifications.notifyFunction,
];

describe('the polling schedule', () => {
  it('invokes the dispatch function every 15 minutes with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: {
        Arn: getAtt(stack.ingestion.dispatchFunction.function),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: getAtt(stack.ingestion.scheduleDeadLetterQueue) },
      },
    });
  });

  it('lets the scheduler invoke the dispatch function and nothing else', () => {
    const roleArn = new Capture();
    template.hasResourceProperties('AWS::Scheduler::Schedule', { Target: { RoleArn: roleArn } });
    const statements = statementsOfRole(template, roleArn.asObject()['Fn::GetAtt'][0]);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [getAtt(stack.ingestion.dispatchFunction.function)],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [getAtt(stack.ingestion.scheduleDeadLetterQueue)],
      },
    ]);
  });
});

describe('the ingest queue', () => {
  it('moves a message to the dead-letter queue after 5 receives', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: getAtt(stack.ingestion.deadLetterQueue), maxReceiveCount: 5 },
    });
  });

  it('hides a message for at least six times the ingest timeout', () => {
    const queue = template.findResources('AWS::SQS::Queue')[logicalIdOf(stack.ingestion.queue)];
    const ingest = template.findResources('AWS::Lambda::Function')[fnId(stack.ingestion.ingestFunction)];
    const visibility = Number(queue?.Properties.VisibilityTimeout);
    const timeout = Number(ingest?.Properties.Timeout);
    expect(timeout).toBeGreaterThan(0);
    expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('feeds the ingest function in batches, reporting failed messages one by one, with bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(stack.ingestion.queue),
      FunctionName: ref(stack.ingestion.ingestFunction.function),
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it('encrypts every queue and refuses every request without TLS', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues)).toHaveLength(4);
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('the alerts stream', () => {
  it('invokes the notify function only for inserted alert items, reporting failures per record', () => {
    const pattern = new Capture();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(stack.storage.table, 'StreamArn'),
      FunctionName: ref(stack.notifications.notifyFunction.function),
      StartingPosition: 'LATEST',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      FilterCriteria: { Filters: [{ Pattern: pattern }] },
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.notifications.deadLetterQueue) } },
    });
    expect(JSON.parse(pattern.asString())).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['alert'] } } },
    });
  });
});

describe('the table', () => {
  it('is the one table, with the keys and indexes of TABLE_DESIGN', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const key = (name: string, type: string) => ({ AttributeName: name, KeyType: type });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [key(TABLE_DESIGN.partitionKey.name, 'HASH'), key(TABLE_DESIGN.sortKey.name, 'RANGE')],
      GlobalSecondaryIndexes: TABLE_DESIGN.indexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [key(index.partitionKey.name, 'HASH'), key(index.sortKey.name, 'RANGE')],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.ttlAttribute, Enabled: true },
    });
  });

  it('bills on demand, keeps point-in-time recovery, encrypts with the AWS managed key and streams new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // SSE on with no key of our own: the AWS managed key (aws/dynamodb).
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      DeletionProtectionEnabled: true,
    });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('every function', () => {
  it('runs on the newest Node.js runtime (22 or later) on ARM64', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions).sort()).toEqual(functionsOf(stack).map(fnId).sort());
    expect(Number(/^nodejs(\d+)/.exec(FUNCTION_RUNTIME.name)?.[1])).toBeGreaterThanOrEqual(22);
    for (const [id, fn] of Object.entries(functions)) {
      expect(fn.Properties.Runtime, id).toBe(FUNCTION_RUNTIME.name);
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Handler, id).toBe('index.handler');
    }
  });

  it('logs JSON to its own log group, which keeps logs for the configured 30 days', () => {
    for (const fn of functionsOf(stack)) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.absent(),
        Description: (fn.function.node.defaultChild as CfnFunction).description,
        LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(fn.logGroup) },
      });
      const group = template.findResources('AWS::Logs::LogGroup')[logicalIdOf(fn.logGroup)];
      expect(group?.Properties.RetentionInDays).toBe(30);
    }
  });

  it('has the Powertools environment, merged with its own settings', () => {
    const ingest = template.findResources('AWS::Lambda::Function')[fnId(stack.ingestion.ingestFunction)];
    expect(ingest?.Properties.Environment.Variables).toEqual({
      POWERTOOLS_SERVICE_NAME: 'Tiewatch',
      POWERTOOLS_METRICS_NAMESPACE: 'tiewatch',
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: ref(stack.storage.table),
      STORY_TTL_DAYS: '30',
      POLL_INTERVAL_SECONDS: String(13 * 60),
    });
  });

  it('is bundled by esbuild into minified ESM with a source map and a require() for CommonJS dependencies', () => {
    for (const fn of functionsOf(stack)) {
      const asset = assetDirOf(synthesised, fn);
      const code = readFileSync(join(asset, 'index.mjs'), 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER), fn.handlerName).toBe(true);
      expect(code).toMatch(/^export\{|[;}]export\{/m);
      // Minified code runs to thousands of characters a line; readable code to a few dozen.
      expect(code.length / code.split('\n').length, `${fn.handlerName} is minified`).toBeGreaterThan(2000);
      expect(existsSync(join(asset, 'index.mjs.map')), `${fn.handlerName} has a source map`).toBe(true);
    }
  });
});

describe('the ingest asset', () => {
  const ingestAsset = () => assetDirOf(synthesised, stack.ingestion.ingestFunction);
  const onDemandFiles = (ON_DEMAND_MODULES.ingest ?? []).map(onDemandFileOf);
  /** The input files of a bundle, from its source map (every module esbuild put into it). */
  const sourcesOf = (file: string): string[] =>
    z.object({ sources: z.array(z.string()) }).parse(JSON.parse(readFileSync(`${file}.map`, 'utf8'))).sources;

  it('holds the handler and its parser and classifier as separate bundles, each with a source map, under 800 KB', () => {
    expect(onDemandFiles).toEqual(['parser-on-demand.mjs', 'classifier-on-demand.mjs']);
    const files = ['index.mjs', ...onDemandFiles];
    expect(readdirSync(ingestAsset()).sort()).toEqual(files.flatMap((f) => [f, `${f}.map`]).sort());
    for (const file of files) {
      const path = join(ingestAsset(), file);
      expect(readFileSync(path, 'utf8').startsWith(ESM_REQUIRE_BANNER), file).toBe(true);
      expect(statSync(path).size, file).toBeLessThanOrEqual(800 * 1024);
    }
  });

  it('imports exactly its on-demand files, and its own bundle has no parser or classifier code in it', () => {
    const index = readFileSync(join(ingestAsset(), 'index.mjs'), 'utf8');
    const relativeImports = [...index.matchAll(/\bimport\("(\.\/[^"]+)"\)/g)].map((m) => m[1]);
    expect(relativeImports.sort()).toEqual(onDemandFiles.map((f) => `./${f}`).sort());

    const inIndex = sourcesOf(join(ingestAsset(), 'index.mjs'));
    const inParser = sourcesOf(join(ingestAsset(), 'parser-on-demand.mjs'));
    const inClassifier = sourcesOf(join(ingestAsset(), 'classifier-on-demand.mjs'));
    const onDemandCode =
      /node_modules\/(rss-parser|xml2js|sax|chrono-node)\/|lambda\/(core\/detect|adapters\/feed-parser|baseline)\//;
    expect(inIndex.some((source) => source.includes('lambda/handlers/ingest.ts'))).toBe(true);
    expect(inIndex.filter((source) => onDemandCode.test(source))).toEqual([]);
    expect(inParser.some((source) => source.includes('node_modules/rss-parser/'))).toBe(true);
    expect(inClassifier.some((source) => source.includes('node_modules/chrono-node/'))).toBe(true);
    expect(inClassifier.some((source) => source.includes('lambda/baseline/baseline.json'))).toBe(true);
  });

  it('loads its on-demand files in a fresh Node.js process, which parse and classify as the source does', async () => {
    const xml = readFileSync(new URL('../fixtures/feeds/rss2.xml', import.meta.url), 'utf8');
    const context = { feedUrl: 'https://feeds.example.com/feed', fetchedAt: '2025-03-10T12:00:00.000Z' };
    const parsed = await parseFeed(xml, { ...context, fetchedAt: new Date(context.fetchedAt) });
    const texts = parsed.stories.map(storyTextOf);
    expect(texts.length).toBeGreaterThan(0);
    const classify = createClassifier(loadBaseline());

    // What feed-reading-on-demand.ts does with the two files, done to the built asset by plain Node.js.
    const probe = [
      "import { readFileSync } from 'node:fs';",
      "const { asset, xml, context, texts } = JSON.parse(readFileSync(0, 'utf8'));",
      "const { parseFeed } = await import(new URL('parser-on-demand.mjs', asset).href);",
      "const { createClassifier, loadBaseline } = await import(new URL('classifier-on-demand.mjs', asset).href);",
      'const parsed = await parseFeed(xml, { ...context, fetchedAt: new Date(context.fetchedAt) });',
      'const classify = createClassifier(loadBaseline());',
      'process.stdout.write(JSON.stringify({ parsed, verdicts: texts.map((text) => classify(text)) }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', probe], {
      input: JSON.stringify({ asset: pathToFileURL(`${ingestAsset()}/`).href, xml, context, texts }),
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: LAMBDA_NODE_OPTIONS },
      encoding: 'utf8',
    });

    expect(JSON.parse(output)).toEqual(
      JSON.parse(JSON.stringify({ parsed, verdicts: texts.map((text) => classify(text)) })),
    );
  });
});

describe('least privilege', () => {
  const dynamoActions = (fn: TiewatchFunction) =>
    actionsOf(statementsOfFunction(template, fnId(fn))).filter((action) => action.startsWith('dynamodb:'));

  it('gives no role a managed policy and no statement a wildcard action', () => {
    for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
    for (const fn of functionsOf(stack)) {
      for (const action of actionsOf(statementsOfFunction(template, fnId(fn)))) {
        expect(action, fn.handlerName).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
      }
    }
  });

  it('lets the feed function only read the table', () => {
    const statements = statementsOfFunction(template, fnId(stack.alertFeedApi.feedFunction));
    expect(actionsOf(statements)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });

  it('lets the dispatch function query the due-feed index and send to the ingest queue, nothing more', () => {
    const statements = statementsOfFunction(template, fnId(stack.ingestion.dispatchFunction));
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: [{ 'Fn::Join': ['', [getAtt(stack.storage.table), '/index/gsi1']] }],
    });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['sqs:SendMessage'],
      Resource: [getAtt(stack.ingestion.queue)],
    });
    expect(actionsOf(statements)).toEqual([
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sqs:SendMessage',
    ]);
  });

  it('lets the ingest function read and write items but never delete them, and never touch SNS', () => {
    const actions = actionsOf(statementsOfFunction(template, fnId(stack.ingestion.ingestFunction)));
    expect(actions.filter((action) => action.startsWith('sns:'))).toEqual([]);
    expect(dynamoActions(stack.ingestion.ingestFunction)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
  });

  it('lets the seed function only add items', () => {
    expect(dynamoActions(stack.ingestion.seedFunction)).toEqual(['dynamodb:PutItem']);
  });

  it('lets the notify function read the stream and publish to the alert topic, not touch items', () => {
    const statements = statementsOfFunction(template, fnId(stack.notifications.notifyFunction));
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['sns:Publish'],
      Resource: [ref(stack.notifications.topic)],
    });
    expect(dynamoActions(stack.notifications.notifyFunction)).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
  });
});

describe('the alert feed API', () => {
  it('routes only GET and HEAD, unauthenticated by default, to the feed function', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'GET /',
      'GET /{proxy+}',
      'HEAD /',
      'HEAD /{proxy+}',
    ]);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('NONE');
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: getAtt(stack.alertFeedApi.feedFunction.function),
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the stage and logs every request', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: getAtt(stack.alertFeedApi.accessLogs) },
    });
  });

  it('publishes its URL as a stack output', () => {
    template.hasOutput('FeedUrl', { Value: Match.anyValue() });
    template.hasOutput('TableName', { Value: ref(stack.storage.table) });
  });
});

describe('notifications', () => {
  it('publishes to an encrypted topic that refuses unencrypted transport', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'tiewatch alerts',
      KmsMasterKeyId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(stack.notifications.topic)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('subscribes no e-mail address unless alertEmail is set', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('the curated feed list', () => {
  it('is seeded by a custom resource backed by the seed function, after its grants exist', () => {
    const seed = Object.values(template.findResources('Custom::TiewatchFeedSeed'));
    expect(seed).toHaveLength(1);
    expect(seed[0]?.Properties.ServiceToken).toEqual(getAtt(stack.ingestion.seedFunction.function));
    expect(seed[0]?.Properties.Feeds).toEqual(parseFeedList(readFileSync(DEFAULT_FEED_LIST, 'utf8')));
    expect(seed[0]?.DependsOn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^IngestionSeedFeedsRoleDefaultPolicy/)]),
    );
  });
});

describe('observability', () => {
  const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm'));

  it('alarms on errors and throttles of every function', () => {
    for (const fn of functionsOf(stack)) {
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: ref(fn.function) }],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        });
      }
    }
  });

  it('alarms on any message in any dead-letter queue', () => {
    for (const queue of [
      stack.ingestion.deadLetterQueue,
      stack.ingestion.scheduleDeadLetterQueue,
      stack.notifications.deadLetterQueue,
    ]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queue, 'QueueName') }],
        Threshold: 1,
      });
    }
  });

  it('alarms when most polled feeds fail, from the metrics the ingest handler emits', () => {
    const failing = alarms().filter((alarm) =>
      JSON.stringify(alarm.Properties.Metrics ?? []).includes(METRICS.feedFailures),
    );
    expect(failing).toHaveLength(1);
    expect(failing[0]?.Properties.Threshold).toBe(50);
    expect(JSON.stringify(failing[0]?.Properties.Metrics)).toContain(METRICS.feedsPolled);
  });

  it('sends every alarm to the alarm topic', () => {
    const all = alarms();
    expect(all.length).toBeGreaterThanOrEqual(functionsOf(stack).length * 2 + 3 + 1);
    for (const alarm of all)
      expect(alarm.Properties.AlarmActions).toEqual([ref(stack.observability.alarmTopic)]);
  });

  it('shows feeds, stories, alerts and errors per cycle on the dashboard', () => {
    const body = JSON.stringify(
      Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties,
    );
    for (const metric of [
      METRICS.feedsFetched,
      METRICS.feedFailures,
      METRICS.newStories,
      METRICS.alertsCreated,
    ]) {
      expect(body).toContain(metric);
    }
    expect(body).toContain('Errors');
  });
});

describe('cdk-nag AwsSolutions checks', () => {
  it('find nothing unacknowledged in the app', () => {
    const report = new AwsSolutionsChecks(synthesised.app).validateScope(synthesised.app);
    expect(
      report.violations.map(
        (violation) =>
          `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });
});
