/** What every Lambda's wiring shares: required environment variables and Powertools metrics behind the pipeline's interface. */
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { PipelineMetrics } from './app.js';

export function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is required; the CDK stack sets it`);
  return value;
}

export function pipelineMetrics(metrics: Metrics): PipelineMetrics {
  return {
    count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value),
    milliseconds: (name, value) => metrics.addMetric(name, MetricUnit.Milliseconds, value),
  };
}
