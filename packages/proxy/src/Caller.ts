/**
 * Who is calling the proxy, as its auth established it: from the JWT's claims (`sub`,
 * `c2d_operator_id`) and/or what the host's `authorize` hook answered. Routes read it as
 * `c.var.caller`; without auth (sandbox, `insecureNoAuth`) every field is null.
 */
export interface Caller {
  /** The host app's user id (`sub`, or `authorize`'s `subject`); scopes idempotency keys. */
  subject: string | null;
  /** The Chat2Desk operator this user is (`c2d_operator_id`): sends are attributed to them. */
  operatorId: number | null;
}

/** The caller of a request no auth looked at. */
export const ANONYMOUS_CALLER: Caller = Object.freeze({ subject: null, operatorId: null });

/**
 * Reads a caller from JWT claims. A claim of the wrong type is ignored rather than trusted
 * (an operator id must be a positive integer, or a string of digits).
 */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  return { subject: subjectOf(claims.sub), operatorId: operatorIdOf(claims.c2d_operator_id) };
}

/** Combines what the JWT said with what `authorize` added (its fields win where it set them). */
export function mergeCallers(base: Caller, extra: Partial<Caller> | undefined): Caller {
  if (!extra) return base;
  return {
    subject: extra.subject === undefined ? base.subject : subjectOf(extra.subject),
    operatorId: extra.operatorId === undefined ? base.operatorId : operatorIdOf(extra.operatorId),
  };
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
