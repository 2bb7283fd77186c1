import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, callerFromClaims, mergeCallers, scopeOf } from './Caller.js';

describe('callerFromClaims', () => {
  it('reads sub and c2d_operator_id', () => {
    expect(callerFromClaims({ sub: 'user-7', c2d_operator_id: 101 })).toEqual({ subject: 'user-7', operatorId: 101, actions: null });
    expect(callerFromClaims({ sub: 42, c2d_operator_id: '102' })).toEqual({ subject: '42', operatorId: 102, actions: null });
  });

  it('ignores claims of the wrong type instead of trusting them', () => {
    expect(callerFromClaims({ sub: '', c2d_operator_id: -1 })).toEqual(ANONYMOUS_CALLER);
    expect(callerFromClaims({ sub: { id: 1 }, c2d_operator_id: 1.5 })).toEqual(ANONYMOUS_CALLER);
    expect(callerFromClaims({ c2d_operator_id: '12abc' })).toEqual(ANONYMOUS_CALLER);
  });
});

describe('mergeCallers', () => {
  it("lets authorize's answer set or override fields", () => {
    const fromJwt = { subject: 'user-7', operatorId: null, actions: ['read' as const] };
    expect(mergeCallers(fromJwt, { operatorId: 101 })).toEqual({ subject: 'user-7', operatorId: 101, actions: ['read'] });
    expect(mergeCallers(fromJwt, { subject: 'session-9' })).toEqual({ subject: 'session-9', operatorId: null, actions: ['read'] });
    expect(mergeCallers(fromJwt, undefined)).toBe(fromJwt);
  });
});

describe('scopeOf (the c2d_scope claim)', () => {
  it('allows every action without the claim', () => {
    expect(scopeOf(undefined)).toBeNull();
    expect(callerFromClaims({ sub: 'user-7' }).actions).toBeNull();
  });

  it('reads an array or a space- or comma-separated string of action names', () => {
    expect(scopeOf(['read', 'note'])).toEqual(['read', 'note']);
    expect(scopeOf('read transfer')).toEqual(['read', 'transfer']);
    expect(scopeOf('read,close, reopen')).toEqual(['read', 'close', 'reopen']);
    expect(scopeOf([])).toEqual([]);
  });

  it('leaves out names it does not know, so they allow nothing', () => {
    expect(scopeOf(['read', 'delete_everything', 'READ'])).toEqual(['read']);
  });

  it('refuses a claim that is not a list of names, saying what it must be', () => {
    expect(() => scopeOf({ read: true })).toThrow(/c2d_scope claim must be a list of actions \(read, send, note/);
    expect(() => scopeOf(['read', 7])).toThrow(RangeError);
  });
});
