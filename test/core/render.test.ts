import { describe, expect, it } from 'vitest';
import { isGsm7, smsParts, toGsm7 } from '../../functions/core/gsm7.js';
import { renderMessage, renderPush, renderSms } from '../../functions/core/render.js';
import { alertFixture } from '../helpers/store.js';

describe('SMS rendering', () => {
  it('maps curly quotes and dashes so the seed’s headline stays in GSM-7, one part', () => {
    const headline = 'Tehran fired “dozens” of surface-to-surface missiles at Ain Assad – state TV';
    expect(isGsm7(headline)).toBe(false);
    const sms = renderSms({ headline, url: 'https://news.example.com/w/ain-assad', wire: 'bulletin' });
    expect(sms).toEqual({
      text: 'BREAKING: Tehran fired "dozens" of surface-to-surface missiles at Ain Assad - state TV https://news.example.com/w/ain-assad',
      encoding: 'GSM-7',
      parts: 1,
      units: 123,
    });
  });

  it('shortens a long headline at a word boundary and keeps the link whole', () => {
    const headline = 'Government announces sweeping emergency measures after days of flooding across the northern provinces displaced tens of thousands of families from their homes';
    const url = 'https://news.example.com/2026/01/01/floods-emergency-measures';
    const sms = renderSms({ headline, url, wire: 'urgent' });
    expect(sms.parts).toBe(1);
    expect(sms.units).toBeLessThanOrEqual(160);
    expect(sms.text.endsWith(` ${url}`)).toBe(true);
    expect(sms.text).toMatch(/^NEWS ALERT: Government announces .*\w\.\.\. https/);
  });

  it('counts UCS-2 when a script outside GSM-7 is needed, and fits 70', () => {
    const sms = renderSms({ headline: 'Землетрясение магнитудой 7,1 произошло у побережья Японии, сообщают власти страны', wire: 'bulletin' });
    expect(sms.encoding).toBe('UCS-2');
    expect(sms.units).toBeLessThanOrEqual(70);
    expect(sms.parts).toBe(1);
  });

  it('counts GSM-7 extension characters twice and splits long text in 153-septet parts', () => {
    expect(smsParts('€').units).toBe(2);
    expect(smsParts('a'.repeat(161)).parts).toBe(2);
    expect(toGsm7('Çalışkan’s “café” — ok…')).toBe('Çaliskan\'s "café" - ok...');
  });
});

describe('push and the SNS message', () => {
  it('carries title, body, url, alert id, urgency and a per-story collapse key', () => {
    const alert = alertFixture();
    expect(renderPush(alert)).toEqual({
      title: 'Breaking news',
      body: alert.headline,
      url: alert.url,
      alertId: alert.id,
      urgency: 2,
      collapseKey: alert.articleId,
    });
    const message = renderMessage(alert);
    expect(JSON.parse(message.APNS)).toMatchObject({ aps: { alert: { title: 'Breaking news', body: alert.headline }, 'thread-id': alert.articleId }, url: alert.url });
    expect(JSON.parse(message.GCM).fcmV1Message.message).toMatchObject({ notification: { title: 'Breaking news' }, android: { collapse_key: alert.articleId, priority: 'high' } });
    expect(JSON.parse(message.sqs)).toMatchObject({ type: 'alert', alert: { id: alert.id, wire: 'bulletin' } });
    expect(message.default).toBe(message.sms);
  });
});
