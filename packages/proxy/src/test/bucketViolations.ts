/**
 * Checks call start times (ms, any order) against a token bucket's promise: between the i-th
 * and j-th call there may be at most `burst - 1 + (t_j - t_i) × rate` further calls. `jitterMs`
 * allows for when the times were measured (after a timer fired, or at the far end of a socket),
 * not for extra calls. Returns the offending pairs (empty when the bucket was respected).
 */
export function bucketViolations(
  startTimes: number[],
  { requestsPerSecond, burst, jitterMs }: { requestsPerSecond: number; burst: number; jitterMs: number },
): Array<{ from: number; to: number; calls: number; ms: number }> {
  const times = startTimes.toSorted((a, b) => a - b);
  const interval = 1000 / requestsPerSecond;
  const violations: Array<{ from: number; to: number; calls: number; ms: number }> = [];
  for (let i = 0; i < times.length; i++) {
    for (let j = i + 1; j < times.length; j++) {
      const ms = (times[j] ?? 0) - (times[i] ?? 0);
      if (j - i > burst - 1 + (ms + jitterMs) / interval + 1e-9) {
        violations.push({ from: i, to: j, calls: j - i + 1, ms });
      }
    }
  }
  return violations;
}

/** The most calls that started within any `windowMs` (times in ms, any order; inclusive at both ends). */
export function mostInWindow(times: readonly number[], windowMs: number): number {
  const sorted = times.toSorted((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] ?? 0) - (sorted[i] ?? 0) > windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}
