import { useEffect, useRef } from 'react';

/** Keeps the latest value in a ref so effects need not re-run when a parent passes a new callback. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
