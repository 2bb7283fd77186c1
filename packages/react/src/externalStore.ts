/** A value outside React that components read with `useSyncExternalStore`. */
export interface ExternalStore<T> {
  get(): T;
  /** Replaces the value and tells every subscriber; the same value again tells no one. */
  set(next: T): void;
  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates an {@link ExternalStore} holding `initial`. */
export function createExternalStore<T>(initial: T): ExternalStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
