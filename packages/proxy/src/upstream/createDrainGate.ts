import { ProxyError } from '../ProxyError.js';

/** The answer to a call refused because the proxy is shutting down (retry on another instance). */
export const shuttingDown = () => new ProxyError(503, 'unavailable', 'The proxy is shutting down; retry in a moment', 1);

/** Refuses the upstream calls not sent yet once a shutdown starts, waiting ones included. */
export interface DrainGate {
  /** Whether the shutdown has started. */
  readonly draining: boolean;
  /** Resolves as `promise` does, or rejects with a 503 once the shutdown starts (at once if it has). */
  unlessDraining<T>(promise: Promise<T>): Promise<T>;
  /** Starts the shutdown: every promise guarded now or later rejects. */
  drain(): void;
}

/** Creates the {@link DrainGate} of one upstream client. */
export function createDrainGate(): DrainGate {
  let draining = false;
  // Refusals of the waits under way, run when draining starts; a set, not a listener each on an
  // AbortSignal, so a thousand queued calls raise no listener-leak warning.
  const waits = new Set<() => void>();
  return {
    get draining() {
      return draining;
    },
    unlessDraining<T>(promise: Promise<T>): Promise<T> {
      if (draining) return Promise.reject(shuttingDown());
      return new Promise<T>((resolve, reject) => {
        const refuse = () => reject(shuttingDown());
        waits.add(refuse);
        promise.then(resolve, reject).finally(() => waits.delete(refuse));
      });
    },
    drain() {
      draining = true;
      for (const refuse of waits) refuse();
      waits.clear();
    },
  };
}
