/**
 * Dead push tokens: APNs and FCM tell SNS when a token is no longer valid (the app was
 * removed, the token rotated), SNS disables the platform endpoint and reports it as an
 * event. Every subscription of that token is then removed, and the endpoint with it.
 */
import type { SubscriptionService } from './subscriptions.js';

/** The push platform's side (SNS platform endpoints on AWS). */
export interface PushPlatform {
  /** The endpoint's token when it is disabled; undefined when it is enabled again. */
  disabledEndpointToken(endpointArn: string): Promise<string | undefined>;
  deletePlatformEndpoint(endpointArn: string): Promise<void>;
}

/** What SNS sends on a platform application's event topics (EventDeliveryFailure, EventEndpointUpdated). */
export interface PlatformEvent {
  EventType?: string;
  EndpointArn?: string;
  FailureType?: string;
}

export async function removeDeadPushEndpoint(
  event: PlatformEvent,
  deps: { platform: PushPlatform; subscriptions: SubscriptionService },
): Promise<{ endpointArn?: string; removed: number }> {
  const arn = event.EndpointArn;
  if (!arn) return { removed: 0 };
  // The event only says something changed; the endpoint's own state decides (it may be enabled again by now).
  const token = await deps.platform.disabledEndpointToken(arn);
  if (token === undefined) return { endpointArn: arn, removed: 0 };
  const removed = await deps.subscriptions.removePushToken(token);
  await deps.platform.deletePlatformEndpoint(arn);
  return { endpointArn: arn, removed };
}
