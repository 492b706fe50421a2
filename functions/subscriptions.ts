/** Lambda: the app backends' subscription API. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { subscriptionsApi } from './api/subscriptions-api.js';
import { lambdaRuntime } from './wiring/lambda.js';

const { app, metrics } = lambdaRuntime();
export const handler = subscriptionsApi(app).use(injectLambdaContext(app.logger)).use(logMetrics(metrics));
