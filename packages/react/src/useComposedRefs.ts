import { useCallback, type Ref, type RefCallback } from 'react';

/** Points `ref` (a callback or an object ref) at `value`; returns a callback ref's cleanup, if any. */
function setRef<T>(ref: Ref<T> | undefined, value: T | null): unknown {
  if (typeof ref === 'function') return ref(value);
  if (ref) ref.current = value;
  return undefined;
}

/**
 * One ref callback that sets every given ref, so a host's ref and the component's own can point
 * at the same element. Each callback ref's own cleanup (React 19) runs on detach; React 18 calls
 * the composed callback with null instead, which clears them all the same.
 */
export function useComposedRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      const cleanups = refs.map((ref) => setRef(ref, node));
      return () => {
        refs.forEach((ref, index) => {
          const cleanup = cleanups[index];
          if (typeof cleanup === 'function') cleanup();
          else setRef(ref, null);
        });
      };
    },
    // The refs themselves are the dependencies: a new ref from the host re-attaches.
    // oxlint-disable-next-line react/exhaustive-deps
    refs,
  );
}
