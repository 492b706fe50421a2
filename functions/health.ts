/** Lambda: `GET /health`, with no dependencies to build. */
import { Logger } from '@aws-lambda-powertools/logger';
import { healthApi } from './api/health-api.js';

export const handler = healthApi({ logger: new Logger({ serviceName: 'newsalert' }) });
