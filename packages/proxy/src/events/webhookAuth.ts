import type { WebhookSignatureOptions } from '../liveOptions.js';

/**
 * How a webhook delivery proves it comes from Chat2Desk: the secret in the URL, and the HMAC
 * signature when the account signs deliveries. Web Crypto only, so it runs on every runtime.
 */

const encoder = new TextEncoder();

/** Whether two byte strings are equal, in time that depends on their length only. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/**
 * A check of the secret in a webhook URL against the configured one. Both are hashed (the
 * configured one once), so the comparison takes the same time whatever the given text's length
 * or its first wrong character.
 */
export function createSecretCheck(expected: string): (given: string) => Promise<boolean> {
  const digest = sha256(expected);
  return async (given) => equalBytes(await sha256(given), await digest);
}

function fromHex(text: string): Uint8Array | undefined {
  if (!/^(?:[\da-f]{2})+$/i.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The keyed HMAC of one configuration, imported once. */
export type SignatureCheck = (body: Uint8Array, header: string | undefined) => Promise<boolean>;

/**
 * A check of Chat2Desk's HMAC signature over the raw body: the header holds the digest in hex
 * or base64, optionally after `sha256=` (or another `name=`). Missing or wrong: false.
 */
export function createSignatureCheck(options: Required<WebhookSignatureOptions>): SignatureCheck {
  const key = crypto.subtle.importKey('raw', encoder.encode(options.key), { name: 'HMAC', hash: options.algorithm }, false, ['sign']);
  return async (body, header) => {
    const written = header?.trim().replace(/^[\w-]+=/, '');
    if (!written) return false;
    const given = options.encoding === 'hex' ? fromHex(written) : fromBase64(written);
    if (!given) return false;
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', await key, body as Uint8Array<ArrayBuffer>));
    return equalBytes(given, expected);
  };
}

/** Signs `body` as Chat2Desk would under `options` (the sandbox's own deliveries, tests). */
export async function signWebhookBody(body: string, options: Required<WebhookSignatureOptions>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(options.key), { name: 'HMAC', hash: options.algorithm }, false, ['sign']);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return options.encoding === 'hex' ? Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') : btoa(String.fromCharCode(...digest));
}
