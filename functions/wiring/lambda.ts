/**
 * The Lambda runtime's wiring: reads its environment once, at cold start, and builds the
 * AWS adapters. Handlers import the app from here and nothing else of the environment.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { SnsNotifier } from '../adapters/sns-notifier.js';
import { assembleApp, type App } from './app.js';

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is required; the CDK stack sets it`);
  return value;
}

export function lambdaApp(env: NodeJS.ProcessEnv = process.env): App {
  const logger = new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'newsalert' });
  const threshold = Number(env.ALERT_THRESHOLD ?? '3');
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 9) {
    throw new Error(`ALERT_THRESHOLD must be a whole number from 1 to 9, not "${env.ALERT_THRESHOLD}"`);
  }
  const platformApplications = {
    ...(env.APNS_PLATFORM_APPLICATION_ARN && { apns: env.APNS_PLATFORM_APPLICATION_ARN }),
    ...(env.FCM_PLATFORM_APPLICATION_ARN && { fcm: env.FCM_PLATFORM_APPLICATION_ARN }),
  };
  return assembleApp({
    store: new DynamoStore({ client: new DynamoDBClient({}), tableName: required(env, 'TABLE_NAME') }),
    notifier: new SnsNotifier({
      client: new SNSClient({}),
      topicPrefix: required(env, 'TOPIC_PREFIX'),
      ...(env.TOPIC_KMS_KEY_ID && { kmsKeyId: env.TOPIC_KMS_KEY_ID }),
      platformApplications,
    }),
    config: { policy: { alertThreshold: threshold }, allowHttpWebhooks: false },
    logger,
  });
}
