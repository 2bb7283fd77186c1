import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `delayMs`. Values for which `skipDelay` returns true
 * (e.g. an emptied search box) apply at once, so clearing never waits.
 */
export function useDebouncedValue<T>(value: T, delayMs: number, skipDelay?: (value: T) => boolean): T {
  const [debounced, setDebounced] = useState(value);
  const immediate = skipDelay?.(value) ?? false;
  // Adjusting own state during render (React's "previous render" pattern): no extra commit.
  if (immediate && !Object.is(debounced, value)) setDebounced(value);
  useEffect(() => {
    if (immediate) return;
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs, immediate]);
  return immediate ? value : debounced;
}
