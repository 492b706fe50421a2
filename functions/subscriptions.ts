/** Lambda: the app backends' subscription API. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { subscriptionsApi } from './api/subscriptions-api.js';
import { lambdaApp } from './wiring/lambda.js';

const app = lambdaApp();
export const handler = subscriptionsApi(app).use(injectLambdaContext(app.logger));
