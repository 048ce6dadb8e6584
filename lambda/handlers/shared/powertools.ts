import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { readSettings, requiredText } from './read-settings';

/**
 * Powertools takes its service name and metrics namespace from these variables (the function construct
 * sets them); they are checked here so that a function deployed without them fails at cold start instead
 * of logging under a default service name and losing its metrics.
 */
readSettings({ POWERTOOLS_SERVICE_NAME: requiredText, POWERTOOLS_METRICS_NAMESPACE: requiredText });

/** Structured JSON logs; the log level comes from Lambda's log configuration. */
export const logger = new Logger();

/** Custom metrics as CloudWatch embedded metric format, flushed by each handler when an invocation ends. */
export const metrics = new Metrics();
