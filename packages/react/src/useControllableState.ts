import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest.js';

// Declared here, not through @types/node: the package's code runs in browsers, and a host's
// bundler replaces `process.env.NODE_ENV` (React itself relies on the same replacement).
declare const process: { env: { NODE_ENV?: string } };

/** Options of {@link useControllableState}. */
export interface UseControllableStateOptions<T> {
  /** The host's value; controlled while it is not undefined. */
  prop: T | undefined;
  /** The starting value when uncontrolled. */
  defaultProp: T;
  /** Called with every new value, controlled or not (not when the value stays the same). */
  onChange?: ((value: T) => void) | undefined;
  /** Names the component in the development warning, e.g. `ClientList search`. */
  caller: string;
}

/**
 * A value the host may control (`prop` + `onChange`) or leave to the component (`defaultProp`),
 * read and set the same way either way (as Radix's `useControllableState`). In development it
 * warns when a component switches between controlled and uncontrolled, which loses the value.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  caller,
}: UseControllableStateOptions<T>): [value: T, setValue: (next: T) => void] {
  const [own, setOwn] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : own;
  const latest = useLatest({ value, controlled, onChange });

  if (process.env.NODE_ENV !== 'production') {
    // Stable for the component's life: the build either keeps this branch or drops it.
    // oxlint-disable-next-line react/rules-of-hooks
    const wasControlled = useRef(controlled);
    // oxlint-disable-next-line react/rules-of-hooks
    useEffect(() => {
      if (wasControlled.current === controlled) return;
      const [from, to] = controlled ? ['uncontrolled', 'controlled'] : ['controlled', 'uncontrolled'];
      console.warn(
        `c2d-console: ${caller} is changing from ${from} to ${to}. Pass a value for the component's whole life ` +
          '(controlled, with an onChange that stores it) or never (uncontrolled, with an optional default).',
      );
      wasControlled.current = controlled;
    }, [controlled, caller]);
  }

  const setValue = useCallback(
    (next: T) => {
      const current = latest.current;
      if (Object.is(next, current.value)) return;
      if (!current.controlled) setOwn(next);
      current.onChange?.(next);
    },
    [latest],
  );
  return [value, setValue];
}
