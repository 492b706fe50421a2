/**
 * Settings per stage: typed defaults for `dev` and `prod` (any other stage name starts
 * from `dev`), each overridable with CDK context, e.g.
 * `cdk deploy -c stage=prod -c corsOrigins=https://desk.example.com -c smsMonthlySpendLimit=50`.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export interface StageConfig {
  stage: string;
  /** IPTC urgency at or above which an article alerts (1 most urgent). */
  alertThreshold: number;
  /** Urgencies held for an editor's approval, e.g. "3-4"; unset: nothing is held but on a hint. */
  holdBand?: string;
  /** Same-story detection: look-back in minutes and similarity threshold (defaults 360 and 0.35). */
  storyWindowMinutes?: number;
  storyThreshold?: number;
  /** At most this many alerts an hour per primary topic below flash; the excess is held. */
  topicBudgetPerHour?: number;
  /** Browser origins allowed by CORS besides the desk's own; none (and no desk) means no CORS headers at all. */
  corsOrigins: string[];
  /** Deploy the editors' desk (S3 + CloudFront); `-c desk=false` leaves it out. */
  desk: boolean;
  /** Alphanumeric sender id where carriers allow one (not in the US). */
  smsSenderId?: string;
  /** A phone number or short code bought in AWS End User Messaging, to send SMS from. */
  smsOriginationNumber?: string;
  /** USD a month; above the account's own SMS quota (1 USD in a new account) SNS refuses it. */
  smsMonthlySpendLimit: number;
  /** Percentage of successful SMS and push deliveries logged (failures are always logged). */
  deliveryStatusSuccessSampleRate: number;
  logRetention: RetentionDays;
  /** Keep the table (and turn on deletion protection) when the stack goes. */
  retainData: boolean;
  /** Reserved concurrency for the sweeper; unset in dev, where a new account's limit of 10 allows none. */
  sweeperReservedConcurrency?: number;
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** Where alarms are e-mailed; unset: alarms go to the stack's alarm topic only. */
  alarmEmail?: string;
  apnsPlatformApplicationArn?: string;
  fcmPlatformApplicationArn?: string;
}

const DEV: Omit<StageConfig, 'stage'> = {
  alertThreshold: 3,
  desk: true,
  corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
  smsMonthlySpendLimit: 1,
  deliveryStatusSuccessSampleRate: 100,
  logRetention: RetentionDays.TWO_WEEKS,
  retainData: false,
  apiThrottle: { rateLimit: 20, burstLimit: 50 },
};

const PROD: Omit<StageConfig, 'stage'> = {
  alertThreshold: 3,
  desk: true,
  corsOrigins: [],
  smsMonthlySpendLimit: 1,
  deliveryStatusSuccessSampleRate: 10,
  logRetention: RetentionDays.THREE_MONTHS,
  retainData: true,
  sweeperReservedConcurrency: 1,
  apiThrottle: { rateLimit: 200, burstLimit: 400 },
};

function number(node: Node, key: string, fallback: number, min: number, max: number): number {
  const raw = node.tryGetContext(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`context ${key} must be a number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function text(node: Node, key: string): string | undefined {
  const raw = node.tryGetContext(key);
  return raw === undefined || raw === '' ? undefined : String(raw);
}

export function stageConfig(node: Node): StageConfig {
  const stage = String(node.tryGetContext('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) throw new Error(`stage must be lower-case letters, digits and -, up to 20, not "${stage}"`);
  const base = stage === 'prod' ? PROD : DEV;
  const cors = text(node, 'corsOrigins');
  const corsOrigins = cors === undefined ? base.corsOrigins : cors.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`corsOrigins: "${origin}" is not an origin like https://desk.example.com`);
  const senderId = text(node, 'smsSenderId');
  if (senderId && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(senderId)) throw new Error('smsSenderId must be 1 to 11 letters and digits, with at least one letter');
  const origination = text(node, 'smsOriginationNumber');
  if (origination && !/^\+[1-9]\d{3,14}$|^\d{3,8}$/.test(origination)) throw new Error('smsOriginationNumber must be an E.164 number or a short code');
  const desk = text(node, 'desk');
  if (desk !== undefined && desk !== 'true' && desk !== 'false') throw new Error(`desk must be true or false, not "${desk}"`);
  const holdBand = text(node, 'holdBand');
  if (holdBand && !/^[1-9](-[1-9])?$/.test(holdBand)) throw new Error(`holdBand must be an urgency range such as "3-4", not "${holdBand}"`);
  const optional = {
    ...(holdBand && { holdBand }),
    ...(node.tryGetContext('storyWindowMinutes') !== undefined && { storyWindowMinutes: number(node, 'storyWindowMinutes', 360, 0, 10_080) }),
    ...(node.tryGetContext('storyThreshold') !== undefined && { storyThreshold: number(node, 'storyThreshold', 0.35, 0.01, 1) }),
    ...(node.tryGetContext('topicBudgetPerHour') !== undefined && { topicBudgetPerHour: number(node, 'topicBudgetPerHour', 0, 1, 1000) }),
    ...((senderId ?? base.smsSenderId) && { smsSenderId: senderId ?? base.smsSenderId }),
    ...(origination && { smsOriginationNumber: origination }),
    ...(text(node, 'alarmEmail') && { alarmEmail: text(node, 'alarmEmail') }),
    ...(text(node, 'apnsPlatformApplicationArn') && { apnsPlatformApplicationArn: text(node, 'apnsPlatformApplicationArn') }),
    ...(text(node, 'fcmPlatformApplicationArn') && { fcmPlatformApplicationArn: text(node, 'fcmPlatformApplicationArn') }),
  };
  return {
    ...base,
    stage,
    alertThreshold: number(node, 'alertThreshold', base.alertThreshold, 1, 9),
    corsOrigins,
    desk: desk === undefined ? base.desk : desk === 'true',
    smsMonthlySpendLimit: number(node, 'smsMonthlySpendLimit', base.smsMonthlySpendLimit, 0, 1_000_000),
    deliveryStatusSuccessSampleRate: number(node, 'deliveryStatusSuccessSampleRate', base.deliveryStatusSuccessSampleRate, 0, 100),
    ...optional,
  };
}
