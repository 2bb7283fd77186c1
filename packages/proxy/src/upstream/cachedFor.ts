import type { CallStats } from './createUpstreamClient.js';

/**
 * Keeps what `load` resolved for `ttlMs` and shares one load among concurrent callers, for
 * upstream answers that change rarely but cost a billed call each (the account's channels, the
 * health probe). A rejected load is not kept: the next caller tries again.
 */
export function cachedFor<T>(ttlMs: number, load: (stats: CallStats) => Promise<T>, now: () => number = Date.now): (stats: CallStats) => Promise<T> {
  let kept: { value: Promise<T>; until: number } | undefined;
  return (stats) => {
    if (kept && kept.until > now()) return kept.value;
    const value = load(stats);
    const entry = { value, until: Number.POSITIVE_INFINITY };
    kept = entry;
    value.then(
      () => {
        entry.until = now() + ttlMs;
      },
      () => {
        if (kept === entry) kept = undefined;
      },
    );
    return value;
  };
}
