/** Webhook signatures: the Standard Webhooks scheme, checked against that specification's own example. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../functions/core/webhook-signature.js';

describe('webhook signatures', () => {
  it("reproduce the Standard Webhooks specification's example signature", () => {
    const headers = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1_614_265_330_000), '{"test": 2432232314}');
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('verify what they sign, within five minutes, and nothing altered', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const at = new Date('2026-11-24T12:00:00Z');
    const body = '{"type":"alert","alert":{"id":"al_1"}}';
    const headers = signWebhook(secret, 'al_1.sub_1', at, body);
    expect(verifyWebhook(secret, { ...headers }, body, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifyWebhook(secret, { ...headers }, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook(secret, { ...headers }, body.replace('al_1', 'al_2'), at)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), { ...headers }, body, at)).toBe(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'al_1.sub_2' }, body, at)).toBe(false);
    // Several signatures (during a secret rotation) are space-separated; one match is enough.
    expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` }, body, at)).toBe(true);
    // The HMAC is keyed with the secret's base64-decoded bytes, over id.timestamp.body.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`al_1.sub_1.${headers['webhook-timestamp']}.${body}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });
});
