/**
 * The Lambda runtime's wiring: reads its environment once, at cold start, and builds the
 * AWS adapters. Handlers import the app from here and nothing else of the environment.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { SnsNotifier } from '../adapters/sns-notifier.js';
import { parseHoldBand } from '../core/decide.js';
import { storyPolicyFrom } from '../core/story.js';
import { assembleApp, type App } from './app.js';
import { pipelineMetrics, required } from './lambda-env.js';

export interface LambdaRuntime {
  app: App;
  /** Flushed after each invocation by the handlers' `logMetrics` middleware. */
  metrics: Metrics;
  /** The same notifier as `app.notifier`, for what only SNS has (platform endpoints). */
  sns: SnsNotifier;
}

export function lambdaRuntime(env: NodeJS.ProcessEnv = process.env): LambdaRuntime {
  const logger = new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'newsalert' });
  const metrics = new Metrics({ namespace: env.POWERTOOLS_METRICS_NAMESPACE ?? 'newsalert', serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'newsalert' });
  const threshold = Number(env.ALERT_THRESHOLD ?? '3');
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 9) {
    throw new Error(`ALERT_THRESHOLD must be a whole number from 1 to 9, not "${env.ALERT_THRESHOLD}"`);
  }
  const platformApplications = {
    ...(env.APNS_PLATFORM_APPLICATION_ARN && { apns: env.APNS_PLATFORM_APPLICATION_ARN }),
    ...(env.FCM_PLATFORM_APPLICATION_ARN && { fcm: env.FCM_PLATFORM_APPLICATION_ARN }),
  };
  const sns = new SnsNotifier({
    client: new SNSClient({}),
    topicPrefix: required(env, 'TOPIC_PREFIX'),
    ...(env.TOPIC_KMS_KEY_ID && { kmsKeyId: env.TOPIC_KMS_KEY_ID }),
    platformApplications,
    ...(env.DELIVERY_STATUS_ROLE_ARN && {
      deliveryStatus: { roleArn: env.DELIVERY_STATUS_ROLE_ARN, successSampleRate: Number(env.DELIVERY_STATUS_SUCCESS_SAMPLE_RATE ?? '100') },
    }),
    ...(env.SUBSCRIPTION_DLQ_ARN && { deadLetterQueueArn: env.SUBSCRIPTION_DLQ_ARN }),
    ...(env.WEBHOOK_QUEUE_ARN && { webhookQueueArn: env.WEBHOOK_QUEUE_ARN }),
    sms: {
      ...(env.SMS_SENDER_ID && { senderId: env.SMS_SENDER_ID }),
      ...(env.SMS_ORIGINATION_NUMBER && { originationNumber: env.SMS_ORIGINATION_NUMBER }),
    },
  });
  const app = assembleApp({
    store: new DynamoStore({ client: new DynamoDBClient({}), tableName: required(env, 'TABLE_NAME') }),
    notifier: sns,
    config: {
      policy: {
        alertThreshold: threshold,
        ...(env.HOLD_BAND && { holdBand: parseHoldBand(env.HOLD_BAND) }),
        ...(env.TOPIC_BUDGET_PER_HOUR && { topicBudgetPerHour: Number(env.TOPIC_BUDGET_PER_HOUR) }),
    },
      allowHttpWebhooks: false,
      story: storyPolicyFrom(env.STORY_WINDOW_MINUTES, env.STORY_THRESHOLD),
    },
    logger,
    metrics: pipelineMetrics(metrics),
  });
  return { app, metrics, sns };
}
