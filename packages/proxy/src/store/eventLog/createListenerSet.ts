/** Listeners of one kind of value, called in the order they subscribed. */
export interface ListenerSet<T> {
  /** Adds `listener`; returns the function that removes it (calling it twice is harmless). */
  subscribe(listener: (value: T) => void): () => void;
  /** Calls every listener with `value`; what one throws goes to `onError`, and the others still run. */
  emit(value: T): void;
  /** Removes every listener. */
  clear(): void;
}

/** Creates a {@link ListenerSet}. */
export function createListenerSet<T>(onError: (error: unknown) => void): ListenerSet<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    subscribe(listener) {
      // A wrapper per subscription: the same function subscribed twice is two subscriptions.
      const entry = (value: T) => listener(value);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    emit(value) {
      for (const listener of listeners) {
        try {
          listener(value);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
