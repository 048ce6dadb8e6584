import type { Context } from 'aws-lambda';

/**
 * What every tiewatch function's environment holds in AWS besides its own settings (the function construct
 * sets the Powertools variables; Lambda sets the region), with dummy credentials for local servers and the
 * logger silenced so test output stays readable.
 */
export const BASE_LAMBDA_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_SERVICE_NAME: 'tiewatch-test',
  POWERTOOLS_METRICS_NAMESPACE: 'tiewatch-test',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
} as const;

/** The invocation context Lambda hands a handler, with a fixed time left unless the test says otherwise. */
export function lambdaContext(functionName: string, remainingMs = 60_000): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `request-${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2025/09/10/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => remainingMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
