import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../lambda/handlers/shared/metric-names';
import type { NewFeed } from '../lambda/ports/feed-registry';
import { AlertFeedApi } from './alert-feed-api';
import { Ingestion } from './ingestion';
import { Notifications } from './notifications';
import { Observability } from './observability';
import type { TiewatchSettings } from './settings';
import { Storage } from './storage';
import type { FunctionDefaults } from './tiewatch-function';

export interface TiewatchStackProps extends StackProps {
  settings: TiewatchSettings;
  /** The curated feed list seeded into the registry on deploy. */
  feeds: NewFeed[];
}

/** The whole monitor in one stack: one construct per concern, handed to each other through typed props. */
export class TiewatchStack extends Stack {
  readonly storage: Storage;
  readonly ingestion: Ingestion;
  readonly alertFeedApi: AlertFeedApi;
  readonly notifications: Notifications;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: TiewatchStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const functionDefaults: FunctionDefaults = {
      logRetention: settings.logRetention,
      // The stack name, so two monitors in one account keep their logs and metrics apart.
      serviceName: this.stackName,
      metricsNamespace: METRICS_NAMESPACE,
    };

    this.storage = new Storage(this, 'Storage', { alertRetention: settings.alertRetention });
    this.ingestion = new Ingestion(this, 'Ingestion', {
      storage: this.storage,
      functionDefaults,
      scheduleRate: settings.scheduleRate,
      storyTtlDays: settings.storyTtlDays,
      ingestConcurrency: settings.ingestConcurrency,
      feeds: props.feeds,
    });
    this.alertFeedApi = new AlertFeedApi(this, 'AlertFeedApi', {
      storage: this.storage,
      functionDefaults,
      feedAuth: settings.feedAuth,
    });
    this.notifications = new Notifications(this, 'Notifications', {
      storage: this.storage,
      functionDefaults,
      ...(settings.alertEmail ? { alertEmail: settings.alertEmail } : {}),
    });
    this.observability = new Observability(this, 'Observability', {
      functions: [
        ...this.ingestion.functions,
        this.alertFeedApi.feedFunction,
        this.notifications.notifyFunction,
      ],
      deadLetterQueues: [
        { name: 'schedule', queue: this.ingestion.scheduleDeadLetterQueue },
        { name: 'ingest', queue: this.ingestion.deadLetterQueue },
        { name: 'notify', queue: this.notifications.deadLetterQueue },
      ],
      api: this.alertFeedApi.api,
      scheduleRate: settings.scheduleRate,
      serviceName: functionDefaults.serviceName,
      metricsNamespace: METRICS_NAMESPACE,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });

    new CfnOutput(this, 'FeedUrl', {
      description: 'The alert feed: / (HTML), /feed.atom, /feed.rss, /feed.json, /alerts',
      value: this.alertFeedApi.url,
    });
    new CfnOutput(this, 'TableName', {
      description: 'For the CLI: tiewatch feeds add --table <this> …',
      value: this.storage.table.tableName,
    });
    new CfnOutput(this, 'AlertTopicArn', {
      description: 'Subscribe here to receive new alerts',
      value: this.notifications.topic.topicArn,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Subscribe here to receive operational alarms',
      value: this.observability.alarmTopic.topicArn,
    });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
  }
}
