import { describe, expect, it } from 'vitest';
import { sendFingerprint } from './sendIdentity.js';

describe('sendFingerprint', () => {
  it('is the same for the same message however optional fields are left out', () => {
    expect(sendFingerprint({ clientId: 1, text: 'hi' })).toBe(sendFingerprint({ clientId: 1, text: 'hi', channelId: undefined }));
  });

  it('differs when the client, text, channel or transport differs', () => {
    const base = sendFingerprint({ clientId: 1, text: 'hi', channelId: 2, transport: 'whatsapp' });
    expect(sendFingerprint({ clientId: 2, text: 'hi', channelId: 2, transport: 'whatsapp' })).not.toBe(base);
    expect(sendFingerprint({ clientId: 1, text: 'hi!', channelId: 2, transport: 'whatsapp' })).not.toBe(base);
    expect(sendFingerprint({ clientId: 1, text: 'hi', channelId: 3, transport: 'whatsapp' })).not.toBe(base);
    expect(sendFingerprint({ clientId: 1, text: 'hi', channelId: 2, transport: 'telegram' })).not.toBe(base);
  });

  it('tells a note from a message, and a message with a file from one without', () => {
    const reply = sendFingerprint({ clientId: 1, text: 'hi' });
    expect(sendFingerprint({ clientId: 1, text: 'hi', type: 'to_client' })).toBe(reply);
    expect(sendFingerprint({ clientId: 1, text: 'hi', type: 'comment' })).not.toBe(reply);
    expect(sendFingerprint({ clientId: 1, text: 'hi', attachment: { url: 'https://files.example/a.pdf' } })).not.toBe(reply);
  });

  it('cannot be confused by text that looks like the separator', () => {
    expect(sendFingerprint({ clientId: 1, text: 'a","b' })).not.toBe(sendFingerprint({ clientId: 1, text: 'a', transport: 'b' }));
  });
});
