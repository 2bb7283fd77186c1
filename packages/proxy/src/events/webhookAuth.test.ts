import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretCheck, createSignatureCheck, signWebhookBody } from './webhookAuth.js';

const body = '{"hook_type":"inbox","message_id":1}';
const bytes = new TextEncoder().encode(body);

describe('createSecretCheck', () => {
  it('accepts only the very secret, whatever the length of a wrong one', async () => {
    const isSecret = createSecretCheck('s3cr3t-s3cr3t-s3cr3t');
    expect(await isSecret('s3cr3t-s3cr3t-s3cr3t')).toBe(true);
    const wrong = ['', 's', 's3cr3t-s3cr3t-s3cr3T', 's3cr3t-s3cr3t-s3cr3t-', 'x'.repeat(1000)];
    expect(await Promise.all(wrong.map((given) => isSecret(given)))).toEqual(wrong.map(() => false));
  });
});

describe('createSignatureCheck', () => {
  it('verifies an HMAC of the raw body in hex or base64, with or without an algorithm prefix', async () => {
    const key = 'signing-key';
    const hex = createHmac('sha256', key).update(body).digest('hex');
    const base64 = createHmac('sha256', key).update(body).digest('base64');
    const inHex = createSignatureCheck({ header: 'x-signature', key, algorithm: 'SHA-256', encoding: 'hex' });
    expect(await inHex(bytes, hex)).toBe(true);
    expect(await inHex(bytes, `sha256=${hex.toUpperCase()}`)).toBe(true);
    const inBase64 = createSignatureCheck({ header: 'x-signature', key, algorithm: 'SHA-256', encoding: 'base64' });
    expect(await inBase64(bytes, base64)).toBe(true);
    const sha1 = createSignatureCheck({ header: 'x-signature', key, algorithm: 'SHA-1', encoding: 'hex' });
    expect(await sha1(bytes, createHmac('sha1', key).update(body).digest('hex'))).toBe(true);
  });

  it('refuses a missing, malformed or wrong signature, and one over another body', async () => {
    const key = 'signing-key';
    const check = createSignatureCheck({ header: 'x-signature', key, algorithm: 'SHA-256', encoding: 'hex' });
    const good = createHmac('sha256', key).update(body).digest('hex');
    const headers = [undefined, '', 'zz', good.slice(2), createHmac('sha256', 'other-key').update(body).digest('hex')];
    expect(await Promise.all(headers.map((header) => check(bytes, header)))).toEqual(headers.map(() => false));
    expect(await check(new TextEncoder().encode(`${body} `), good)).toBe(false);
  });

  it('signs as it verifies (the sandbox signs its own deliveries)', async () => {
    const verified = (['hex', 'base64'] as const).map(async (encoding) => {
      const options = { header: 'x-signature', key: 'k', algorithm: 'SHA-512', encoding } as const;
      return createSignatureCheck(options)(bytes, await signWebhookBody(body, options));
    });
    expect(await Promise.all(verified)).toEqual([true, true]);
  });
});
