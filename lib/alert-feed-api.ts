import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Storage } from './storage';
import { type FunctionDefaults, TiewatchFunction } from './tiewatch-function';

export interface AlertFeedApiProps {
  storage: Storage;
  functionDefaults: FunctionDefaults;
  /** `public`: anyone may read (feed readers cannot sign requests); `iam`: SigV4-signed requests only. */
  feedAuth: 'public' | 'iam';
}

/**
 * Steady requests per second the stage accepts, and the burst above it. The feed is read by feed readers
 * polling every few minutes and by people; this is far above that and caps what a misbehaving client can
 * cost (each request is a Lambda invocation and a DynamoDB Query).
 */
export const API_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/** Every route is a read: GET for everyone, HEAD for feed readers that check before they fetch. */
const READ_METHODS = [HttpMethod.GET, HttpMethod.HEAD];

/** The alert feed: an HTTP API whose every route goes to the read-only feed function. */
export class AlertFeedApi extends Construct {
  readonly feedFunction: TiewatchFunction;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: AlertFeedApiProps) {
    super(scope, id);
    const { storage } = props;

    this.feedFunction = new TiewatchFunction(this, 'Feed', {
      ...props.functionDefaults,
      handler: 'feed',
      description: 'tiewatch: serves alerts as JSON, Atom, RSS, JSON Feed and HTML',
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: { TABLE_NAME: storage.table.tableName },
    });
    // Reads only: one alert by id, and pages of alerts newest first (gsi1) or by fact (gsi2).
    storage.grant(this.feedFunction.role, ['GetItem']);
    storage.grant(this.feedFunction.role, ['Query'], { table: false, indexes: ['gsi1', 'gsi2'] });

    const authorizer: IHttpRouteAuthorizer | undefined =
      props.feedAuth === 'iam' ? new HttpIamAuthorizer() : undefined;
    this.api = new HttpApi(this, 'Api', {
      description: 'tiewatch alert feed',
      createDefaultStage: false,
      ...(authorizer ? { defaultAuthorizer: authorizer } : {}),
    });
    const integration = new HttpLambdaIntegration('FeedIntegration', this.feedFunction.function);
    const routes = [
      ...this.api.addRoutes({ path: '/', methods: READ_METHODS, integration }),
      ...this.api.addRoutes({ path: '/{proxy+}', methods: READ_METHODS, integration }),
    ];

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    if (!authorizer) {
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'feedAuth=public: a read-only feed of public news alerts that feed readers fetch unsigned, throttled at the stage. feedAuth=iam requires SigV4.',
        });
      }
    }
  }

  /** The feed's base URL. */
  get url(): string {
    return this.stage.url;
  }
}
