import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  BUNDLE_OPTIONS,
  EXTRA_ESBUILD_ARGS,
  LAMBDA_NODE_OPTIONS,
  ON_DEMAND_MODULES,
  onDemandBuildCommand,
  onDemandExternals,
} from './function-bundling';

/** The repository root: entry points, the lockfile and tsconfig.json are found from it. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The handlers tiewatch deploys, one file each in lambda/handlers/. */
export type HandlerName = 'dispatch' | 'ingest' | 'notify' | 'feed' | 'seed-feeds';

/** Where a handler's source lives. */
export function handlerEntry(handler: HandlerName): string {
  return fileURLToPath(new URL(`../lambda/handlers/${handler}.ts`, import.meta.url));
}

/**
 * The runtime of every function: the newest Node.js Lambda offers in the installed aws-cdk-lib (cdk-nag's
 * L1 rule wants the latest). The bundles target Node.js 22 syntax, so they run on it as well.
 */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** Raised at synth time when esbuild is not installed: without it CDK would fall back to Docker. */
export class LocalBundlerMissingError extends Error {
  constructor() {
    super('esbuild is not installed: run `npm ci` (tiewatch bundles its Lambdas locally, never in Docker)');
    this.name = 'LocalBundlerMissingError';
  }
}

function assertLocalBundler(): void {
  try {
    createRequire(import.meta.url).resolve('esbuild');
  } catch {
    throw new LocalBundlerMissingError();
  }
}

export interface TiewatchFunctionProps {
  handler: HandlerName;
  description: string;
  /** Every setting lives in code; the handler's settings schema names what it needs. */
  environment?: Record<string, string>;
  timeout: Duration;
  /** @default 256 */
  memorySize?: number;
  logRetention: RetentionDays;
  /** Powertools service name: the `service` key of every log line and the `service` dimension of every metric. */
  serviceName: string;
  /** Powertools metrics namespace. */
  metricsNamespace: string;
}

/** What every function in the stack shares; the stack passes it to each construct once. */
export type FunctionDefaults = Pick<
  TiewatchFunctionProps,
  'logRetention' | 'serviceName' | 'metricsNamespace'
>;

/**
 * One tiewatch Lambda function with the project's defaults fixed once: local esbuild bundling to minified ESM
 * with source maps (plus the handler's on-demand modules as files of their own, see ON_DEMAND_MODULES), ARM64,
 * the newest Node.js runtime, structured JSON logs in an explicit log group with retention, and the Powertools
 * environment.
 *
 * Its role starts empty except for writing to its own log group (no AWSLambdaBasicExecutionRole, whose
 * `logs:*` resources are account-wide); every other permission is granted by the construct that owns the
 * resource, so each function holds only what it uses.
 */
export class TiewatchFunction extends Construct {
  readonly handlerName: HandlerName;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: TiewatchFunctionProps) {
    super(scope, id);
    assertLocalBundler();
    this.handlerName = props.handler;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs are diagnostics, not records: they go with the stack (the alerts table is what is retained).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `tiewatch ${props.handler} function`,
    });
    this.logGroup.grantWrite(this.role);
    const onDemand = ON_DEMAND_MODULES[props.handler] ?? [];

    this.function = new NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.handler),
      handler: 'handler',
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      projectRoot: REPO_ROOT,
      depsLockFilePath: fileURLToPath(new URL('../package-lock.json', import.meta.url)),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
        // The caller's variables are merged over the defaults, never replaced by them.
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: BUNDLE_OPTIONS.target,
        minify: BUNDLE_OPTIONS.minify,
        sourceMap: BUNDLE_OPTIONS.sourcemap,
        sourcesContent: BUNDLE_OPTIONS.sourcesContent,
        mainFields: [...BUNDLE_OPTIONS.mainFields],
        banner: BUNDLE_OPTIONS.banner,
        externalModules: [...BUNDLE_OPTIONS.external, ...onDemandExternals(onDemand)],
        bundleAwsSDK: true,
        esbuildArgs: EXTRA_ESBUILD_ARGS,
        tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
        // The handler's on-demand modules go into the same asset, beside index.mjs, by a second esbuild run
        // with the same options (NodejsFunction builds one entry point per function).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) =>
            onDemand.length === 0 ? [] : [onDemandBuildCommand(onDemand, inputDir, outputDir)],
        },
      },
    });
  }
}
