/**
 * Alarms on everything that can go wrong without anyone noticing, sent to one alarm topic,
 * and a dashboard of the pipeline: articles in, alerts made, publishes and their latency,
 * deliveries, failures.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stages.js';

export const METRICS_NAMESPACE = 'newsalert';

export interface ObservabilityProps {
  config: StageConfig;
  key: IKey;
  api: HttpApi;
  functions: Record<string, NodejsFunction>;
  deadLetterQueues: Record<string, Queue>;
  topicPrefix: string;
}

export class Observability extends Construct {
  readonly alarmTopic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { config } = props;
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `newsalert ${config.stage} alarms`, masterKey: props.key, enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    const pipeline = (name: string, statistic = 'Sum') =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: 'newsalert' }, statistic, period: Duration.minutes(5) });
    // Segment topics come and go at run time, so SNS's per-topic metrics are summed by a Metrics Insights query.
    const snsSum = (metricName: string, label: string) =>
      new MathExpression({
        expression: `SELECT SUM(${metricName}) FROM SCHEMA("AWS/SNS", TopicName)`,
        usingMetrics: {},
        label,
        period: Duration.minutes(5),
      });

    const alarm = (name: string, metric: IMetric, threshold: number, description: string, periods = 1) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new SnsAction(this.alarmTopic));
      created.addOkAction(new SnsAction(this.alarmTopic));
      this.alarms.push(created);
      return created;
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1, `${name} Lambda threw errors`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5) }), 1, `${name} Lambda was throttled`);
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${name}Messages`, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1, `${name}: something could not be delivered and waits in the dead-letter queue`);
    }
    alarm('Api5xx', props.api.metricServerError({ period: Duration.minutes(5) }), 5, 'The HTTP API answered 5xx');
    alarm('ApiLatencyP99', props.api.metricLatency({ period: Duration.minutes(5), statistic: 'p99' }), 2_000, 'The HTTP API p99 latency is over 2 s', 3);
    alarm('SnsFailedDeliveries', snsSum('NumberOfNotificationsFailed', 'SNS failed deliveries'), 1, 'SNS failed to deliver notifications (SMS, push or https) after its retries');
    alarm(
      'SmsSpend',
      new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum', period: Duration.hours(1) }),
      config.smsMonthlySpendLimit * 0.8,
      `SMS spend this month passed 80% of the ${config.smsMonthlySpendLimit} USD limit`,
    );
    alarm('AlertsFailed', pipeline('AlertsFailed'), 1, 'An alert was marked failed after all publish attempts; an editor must retry it');
    alarm('AlertsStayPending', pipeline('OldestPendingAlertAge', 'Maximum'), 5 * 60_000, 'An alert has waited more than 5 minutes to be published', 2);

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `newsalert-${config.stage}` });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Articles in, alerts made', left: [pipeline('ArticlesIn'), pipeline('AlertsMade')], width: 12 }),
      new GraphWidget({ title: 'Publish latency (alert created → sent), ms', left: [pipeline('PublishLatency', 'p50'), pipeline('PublishLatency', 'p99')], width: 12 }),
      new GraphWidget({ title: 'Segment publishes, retries, failed alerts', left: [pipeline('SegmentPublishes'), pipeline('PublishRetries'), pipeline('AlertsFailed')], width: 12 }),
      new GraphWidget({ title: 'SNS deliveries (all segment topics)', left: [snsSum('NumberOfNotificationsDelivered', 'delivered'), snsSum('NumberOfNotificationsFailed', 'failed')], width: 12 }),
      new GraphWidget({ title: 'HTTP API', left: [props.api.metricCount(), props.api.metricClientError(), props.api.metricServerError()], right: [props.api.metricLatency({ statistic: 'p99' })], width: 12 }),
      new GraphWidget({ title: 'Lambda duration p99, ms', left: Object.values(props.functions).map((fn) => fn.metricDuration({ statistic: 'p99' })), width: 12 }),
      new SingleValueWidget({ title: 'SMS spend this month (USD)', metrics: [new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum' })], width: 6 }),
      new SingleValueWidget({ title: 'Oldest pending alert, ms', metrics: [pipeline('OldestPendingAlertAge', 'Maximum')], width: 6 }),
    );
  }
}
