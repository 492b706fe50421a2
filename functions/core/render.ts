/**
 * An alert rendered for each channel: one SMS line with the link, a push notification
 * (title, body, url) for APNs and FCM, and a JSON body for webhooks — together as the
 * `MessageStructure: json` message SNS takes.
 */
import { smsParts, toGsm7, type SmsEncoding } from './gsm7.js';
import type { Alert, RenderedMessage, Wire } from './types.js';

const SMS_LIMIT = 160;

const LABEL: Record<Wire, string> = { flash: 'FLASH', bulletin: 'BREAKING', urgent: 'NEWS ALERT', routine: 'NEWS' };
const PUSH_TITLE: Record<Wire, string> = { flash: 'Flash', bulletin: 'Breaking news', urgent: 'News alert', routine: 'News' };

export interface RenderedSms {
  text: string;
  encoding: SmsEncoding;
  parts: number;
  units: number;
}

/** Cuts at a word boundary so that `text` plus an ellipsis fits `max` characters. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 3) return '';
  const cut = text.slice(0, max - 3);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.-]+$/, '')}...`;
}

/**
 * One line: label, headline shortened at a word boundary, link kept whole; GSM-7 whenever
 * the headline allows, one 160-character part when the link does.
 *
 * @example renderSms(alert).text // 'BREAKING: Iran fires missiles at Iraqi base housing US troops https://…'
 */
export function renderSms(alert: Pick<Alert, 'headline' | 'url' | 'wire' | 'update' | 'correctionOf'>): RenderedSms {
  const prefix = alert.correctionOf ? 'CORRECTION: ' : `${LABEL[alert.wire]}${alert.update ? ' UPDATE' : ''}: `;
  const link = alert.url ? ` ${alert.url}` : '';
  const headline = toGsm7(alert.headline.replace(/\s+/g, ' ').trim());
  const fits = (candidate: string) => smsParts(candidate).units <= (smsParts(candidate).encoding === 'GSM-7' ? SMS_LIMIT : 70);
  let text = `${prefix}${headline}${link}`;
  if (!fits(text)) {
    // Shorten by characters until the whole fits; septets and characters differ only for a few symbols.
    let room = Math.max(0, SMS_LIMIT - prefix.length - link.length);
    do {
      text = `${prefix}${shorten(headline, room)}${link}`;
      room -= 1;
    } while (!fits(text) && room > 0);
  }
  const { encoding, parts, units } = smsParts(text);
  return { text, encoding, parts, units };
}

export interface RenderedPush {
  title: string;
  body: string;
  url?: string;
  alertId: string;
  urgency: number;
  /** Same story, same key: an update replaces the earlier notification instead of stacking (APNs thread, FCM collapse key). */
  collapseKey: string;
}

export function renderPush(alert: Pick<Alert, 'id' | 'articleId' | 'storyId' | 'headline' | 'url' | 'wire' | 'urgency' | 'update' | 'correctionOf'>): RenderedPush {
  return {
    title: alert.correctionOf ? 'Correction' : `${PUSH_TITLE[alert.wire]}${alert.update ? ' (update)' : ''}`,
    body: shorten(alert.headline, 178),
    ...(alert.url !== undefined && { url: alert.url }),
    alertId: alert.id,
    urgency: alert.urgency,
    collapseKey: (alert.storyId ?? alert.articleId).slice(0, 64),
  };
}

export function renderWebhook(alert: Alert): Record<string, unknown> {
  return {
    type: 'alert',
    alert: {
      id: alert.id,
      articleId: alert.articleId,
      articleVersion: alert.articleVersion,
      headline: alert.headline,
      url: alert.url ?? null,
      source: alert.source ?? null,
      urgency: alert.urgency,
      wire: alert.wire,
      topics: alert.topics,
      countries: alert.countries,
      language: alert.language,
      createdAt: alert.createdAt,
      ...(alert.update && { update: true }),
      ...(alert.correctionOf && { correctionOf: alert.correctionOf }),
    },
  };
}

/** The message for SNS's `MessageStructure: json`: one entry per protocol. */
export function renderMessage(alert: Alert): RenderedMessage {
  const sms = renderSms(alert).text;
  const push = renderPush(alert);
  const apns = JSON.stringify({
    aps: { alert: { title: push.title, body: push.body }, sound: 'default', 'thread-id': push.collapseKey },
    url: push.url,
    alertId: push.alertId,
    urgency: push.urgency,
  });
  const data: Record<string, string> = { alertId: push.alertId, urgency: String(push.urgency), ...(push.url && { url: push.url }) };
  const gcm = JSON.stringify({
    fcmV1Message: {
      message: {
        notification: { title: push.title, body: push.body },
        data,
        android: { collapse_key: push.collapseKey, priority: alert.urgency <= 2 ? 'high' : 'normal' },
      },
    },
  });
  return { default: sms, sms, APNS: apns, APNS_SANDBOX: apns, GCM: gcm, sqs: JSON.stringify(renderWebhook(alert)) };
}
