/** Lambda: the editors' API (articles and alerts). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { articlesApi } from './api/articles-api.js';
import { lambdaRuntime } from './wiring/lambda.js';

const { app, metrics } = lambdaRuntime();
export const handler = articlesApi(app).use(injectLambdaContext(app.logger)).use(logMetrics(metrics));
