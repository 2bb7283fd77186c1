import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, callerFromClaims, mergeCallers } from './Caller.js';

describe('callerFromClaims', () => {
  it('reads sub and c2d_operator_id', () => {
    expect(callerFromClaims({ sub: 'user-7', c2d_operator_id: 101 })).toEqual({ subject: 'user-7', operatorId: 101 });
    expect(callerFromClaims({ sub: 42, c2d_operator_id: '102' })).toEqual({ subject: '42', operatorId: 102 });
  });

  it('ignores claims of the wrong type instead of trusting them', () => {
    expect(callerFromClaims({ sub: '', c2d_operator_id: -1 })).toEqual(ANONYMOUS_CALLER);
    expect(callerFromClaims({ sub: { id: 1 }, c2d_operator_id: 1.5 })).toEqual(ANONYMOUS_CALLER);
    expect(callerFromClaims({ c2d_operator_id: '12abc' })).toEqual(ANONYMOUS_CALLER);
  });
});

describe('mergeCallers', () => {
  it("lets authorize's answer set or override fields", () => {
    const fromJwt = { subject: 'user-7', operatorId: null };
    expect(mergeCallers(fromJwt, { operatorId: 101 })).toEqual({ subject: 'user-7', operatorId: 101 });
    expect(mergeCallers(fromJwt, { subject: 'session-9' })).toEqual({ subject: 'session-9', operatorId: null });
    expect(mergeCallers(fromJwt, undefined)).toBe(fromJwt);
  });
});
