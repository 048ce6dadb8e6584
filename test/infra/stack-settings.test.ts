import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TiewatchStack } from '../../lib/tiewatch-stack';
import { logicalIdOf, type SynthesisedTiewatch, synthTiewatch } from './synth-tiewatch';

// Every setting away from its default. Bundling is skipped here (as `cdk deploy` does for stacks it does not
// deploy): tiewatch-stack.test.ts checks the bundles, this file checks what the settings change.
const SETTINGS = {
  scheduleRate: '1 hour',
  storyTtlDays: '14',
  alertRetention: 'destroy',
  alertEmail: 'alerts@example.org',
  alarmEmail: 'ops@example.org',
  feedAuth: 'iam',
  logRetention: '90',
  ingestConcurrency: '10',
};

let synthesised: SynthesisedTiewatch;
let template: Template;
let stack: TiewatchStack;

beforeAll(() => {
  synthesised = synthTiewatch({ bundle: false, context: SETTINGS });
  template = synthesised.template;
  stack = synthesised.stack;
});

afterAll(() => synthesised?.dispose());

describe('the stack with every setting changed', () => {
  it('polls at the configured rate, and schedules each feed a little under one rate after a poll', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      Target: { RetryPolicy: { MaximumEventAgeInSeconds: 3600 } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POLL_INTERVAL_SECONDS: '3480', STORY_TTL_DAYS: '14' }) },
    });
  });

  it('bounds ingest concurrency as configured', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('requires SigV4 on every route when feedAuth is iam', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(4);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
  });

  it('subscribes the alert and alarm addresses to their own topics', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alerts@example.org',
      TopicArn: { Ref: logicalIdOf(stack.notifications.topic) },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: logicalIdOf(stack.observability.alarmTopic) },
    });
  });

  it('deletes the table with the stack when alertRetention is destroy', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('keeps logs for the configured number of days', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(6);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(90);
  });

  it('still passes the AwsSolutions checks, with no acknowledgement of unauthenticated routes', () => {
    const report = new AwsSolutionsChecks(synthesised.app).validateScope(synthesised.app);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });
});

describe('cdk-nag on every synthesis', () => {
  it('stops the synthesis of the app when a resource breaks an AwsSolutions rule', () => {
    const withDefaults = synthTiewatch({ bundle: false });
    try {
      // A queue with no dead-letter queue, no encryption and plain-HTTP access allowed.
      new Queue(withDefaults.stack, 'CarelessQueue', { enforceSSL: false });
      expect(() => withDefaults.app.synth({ force: true })).toThrow(/AwsSolutions-SQS3/);
    } finally {
      withDefaults.dispose();
    }
  });
});
