import { CONSOLE_ACTIONS, type ConsoleAction } from '@c2d-console/core';

/**
 * Who is calling the proxy, as its auth established it: from the JWT's claims (`sub`,
 * `c2d_operator_id`, `c2d_scope`) and/or what the host's `authorize` hook answered. Routes read
 * it as `c.var.caller`; without auth (sandbox, `insecureNoAuth`) every field is null.
 */
export interface Caller {
  /** The host app's user id (`sub`, or `authorize`'s `subject`); scopes idempotency keys. */
  subject: string | null;
  /** The Chat2Desk operator this user is (`c2d_operator_id`): sends are attributed to them. */
  operatorId: number | null;
  /** What the JWT's `c2d_scope` lets this user do; null when it sets no limit (no claim, or no JWT). */
  actions: readonly ConsoleAction[] | null;
}

/** The caller of a request no auth looked at. */
export const ANONYMOUS_CALLER: Caller = Object.freeze({ subject: null, operatorId: null, actions: null });

/**
 * Reads a caller from JWT claims. A `sub` or `c2d_operator_id` of the wrong type is ignored
 * rather than trusted (an operator id must be a positive integer, or a string of digits); a
 * `c2d_scope` that is not a list of action names throws a `RangeError` saying what it must be,
 * as a token meant to narrow a seat's rights must never widen them by being misread.
 */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  return { subject: subjectOf(claims.sub), operatorId: operatorIdOf(claims.c2d_operator_id), actions: scopeOf(claims.c2d_scope) };
}

/** Combines what the JWT said with what `authorize` added (its fields win where it set them; the scope stays the JWT's). */
export function mergeCallers(base: Caller, extra: Partial<Pick<Caller, 'subject' | 'operatorId'>> | undefined): Caller {
  if (!extra) return base;
  return {
    subject: extra.subject === undefined ? base.subject : subjectOf(extra.subject),
    operatorId: extra.operatorId === undefined ? base.operatorId : operatorIdOf(extra.operatorId),
    actions: base.actions,
  };
}

/**
 * The actions a `c2d_scope` claim allows: an array of action names, or one string of them
 * separated by spaces or commas (OAuth's habit). Absent: every action. Names this proxy does not
 * know are left out (a newer host may name newer actions); they never allow anything.
 */
export function scopeOf(value: unknown): readonly ConsoleAction[] | null {
  if (value === undefined || value === null) return null;
  const names = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new RangeError(`its c2d_scope claim must be a list of actions (${CONSOLE_ACTIONS.join(', ')}), as an array or a space-separated string`);
  }
  return CONSOLE_ACTIONS.filter((action) => names.includes(action));
}

function subjectOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function operatorIdOf(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}
