/** Stage settings, from CDK context (`cdk deploy -c stage=prod -c alertThreshold=2`). */
import type { Node } from 'constructs';

export interface StageConfig {
  stage: string;
  /** IPTC urgency at or above which an article alerts (1 most urgent). */
  alertThreshold: number;
  /** SNS platform applications for push, when the team has them. */
  apnsPlatformApplicationArn?: string;
  fcmPlatformApplicationArn?: string;
}

export function stageConfig(node: Node): StageConfig {
  const stage = String(node.tryGetContext('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) throw new Error(`stage must be lower-case letters, digits and -, not "${stage}"`);
  const alertThreshold = Number(node.tryGetContext('alertThreshold') ?? 3);
  if (!Number.isInteger(alertThreshold) || alertThreshold < 1 || alertThreshold > 9) {
    throw new Error('alertThreshold must be a whole number from 1 to 9');
  }
  const apns = node.tryGetContext('apnsPlatformApplicationArn') as string | undefined;
  const fcm = node.tryGetContext('fcmPlatformApplicationArn') as string | undefined;
  return { stage, alertThreshold, ...(apns && { apnsPlatformApplicationArn: apns }), ...(fcm && { fcmPlatformApplicationArn: fcm }) };
}
