import { describe, expect, it } from 'vitest';
import { createQuotaGate } from './createQuotaGate.js';

describe('createQuotaGate', () => {
  it('lets calls through until closed, then refuses them for the hold time with the seconds left', () => {
    let now = 0;
    const gate = createQuotaGate({ holdMs: 60_000, now: () => now });
    expect(() => gate.check()).not.toThrow();
    gate.close();
    now = 30_500;
    expect(() => gate.check()).toThrow(expect.objectContaining({ status: 503, code: 'upstream_quota', retryAfter: 30 }));
    now = 60_000;
    expect(() => gate.check()).not.toThrow();
  });
});
