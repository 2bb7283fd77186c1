import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';

/** Options of {@link useIdempotentMutation}: TanStack's, with a `mutationFn` that takes the key. */
export type IdempotentMutationOptions<TResult, TVariables, TContext> = Omit<
  UseMutationOptions<TResult, Error, TVariables, TContext>,
  'mutationFn' | 'retry'
> & {
  /** What makes two calls "the same write" (e.g. `sendFingerprint`): only then is a key reused. */
  fingerprint: (variables: TVariables) => string;
  /** Does the write, sending `idempotencyKey` with it. */
  mutationFn: (variables: TVariables, idempotencyKey: string) => Promise<TResult>;
};

/**
 * @internal Every write of the console (a send, a transfer, a close, a card edit): TanStack's
 * `useMutation` with an idempotency key per write. Doing the same failed write again reuses its
 * key, so a retry after a lost answer is not done twice; a write that succeeded, or one still in
 * flight, gets a new key next time. Never retried by itself: the operator decides.
 */
export function useIdempotentMutation<TResult, TVariables, TContext = unknown>({
  fingerprint,
  mutationFn,
  ...options
}: IdempotentMutationOptions<TResult, TVariables, TContext>): UseMutationResult<TResult, Error, TVariables, TContext> {
  /** Keys of failed writes by fingerprint, for retries. */
  const failedKeys = useRef(new Map<string, string>());
  return useMutation({
    ...options,
    retry: false,
    mutationFn: async (variables) => {
      const identity = fingerprint(variables);
      const key = failedKeys.current.get(identity) ?? crypto.randomUUID();
      // Taken out while in flight: the same write started meanwhile is a new one, not a retry.
      failedKeys.current.delete(identity);
      try {
        return await mutationFn(variables, key);
      } catch (error) {
        failedKeys.current.set(identity, key);
        throw error;
      }
    },
  });
}
