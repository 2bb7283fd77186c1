import { ConsoleApiError } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { mayHaveBeenSent } from './mayHaveBeenSent.js';

describe('mayHaveBeenSent', () => {
  it('is false when the proxy or Chat2Desk refused the send (a 4xx, the token, the quota)', () => {
    expect(mayHaveBeenSent(new ConsoleApiError(400, 'bad_request', 'text is required'))).toBe(false);
    expect(mayHaveBeenSent(new ConsoleApiError(403, 'forbidden', 'note is not allowed'))).toBe(false);
    expect(mayHaveBeenSent(new ConsoleApiError(429, 'rate_limited', 'wait'))).toBe(false);
    expect(mayHaveBeenSent(new ConsoleApiError(502, 'upstream_auth', 'token rejected'))).toBe(false);
    expect(mayHaveBeenSent(new ConsoleApiError(503, 'upstream_quota', 'quota reached'))).toBe(false);
  });

  it('is true when the outcome is unknown: a timeout, a 5xx, no answer, or not the proxy’s error', () => {
    expect(mayHaveBeenSent(new ConsoleApiError(504, 'upstream_timeout', 'no answer in time'))).toBe(true);
    expect(mayHaveBeenSent(new ConsoleApiError(502, 'upstream_error', 'Chat2Desk failed'))).toBe(true);
    expect(mayHaveBeenSent(new ConsoleApiError(0, 'network_error', 'offline'))).toBe(true);
    expect(mayHaveBeenSent(new Error('something else'))).toBe(true);
  });
});
