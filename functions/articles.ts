/** Lambda: the editors' API (articles and alerts). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { articlesApi } from './api/articles-api.js';
import { lambdaApp } from './wiring/lambda.js';

const app = lambdaApp();
export const handler = articlesApi(app).use(injectLambdaContext(app.logger));
