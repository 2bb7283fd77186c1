import { consoleKeys, type Client, type ClientUpdateInput, type Tag } from '@c2d-console/core';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { useIdempotentMutation } from './useIdempotentMutation.js';

/** What {@link useUpdateClient} changes: the card's fields (absent ones stay). */
export interface UpdateClientVariables {
  clientId: number;
  changes: Omit<ClientUpdateInput, 'idempotencyKey'>;
}

/** What {@link useSetClientTags} sets: the client's tags after the change (whole tags, so they show at once). */
export interface SetClientTagsVariables {
  clientId: number;
  tags: Tag[];
}

/** @internal What a failed edit restores. */
interface EditContext {
  previous: Client | undefined;
}

/**
 * One optimistic edit of a client: shown at once in the client's cache entry (`useClient`,
 * `ClientCard`), replaced by the proxy's answer, rolled back if it fails, then refreshed; the
 * clients lists are marked stale (a name shows there). The same variables again, after a
 * failure, are a retry of the same write (its idempotency key).
 */
function useClientEdit<V extends { clientId: number }>(
  send: (variables: V, idempotencyKey: string) => Promise<Client>,
  apply: (client: Client, variables: V) => Client,
): UseMutationResult<Client, Error, V, EditContext> {
  const api = useConsoleClient();
  const queryClient = useQueryClient();
  const key = (clientId: number) => consoleQueries.client(api, clientId).queryKey;
  return useIdempotentMutation({
    fingerprint: JSON.stringify,
    mutationFn: send,
    onMutate: async (variables): Promise<EditContext> => {
      const queryKey = key(variables.clientId);
      await queryClient.cancelQueries({ queryKey, exact: true });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, apply(previous, variables));
      return { previous };
    },
    onSuccess: (client) => queryClient.setQueryData(key(client.id), client),
    onError: (_error, variables, context) => {
      if (context?.previous) queryClient.setQueryData(key(variables.clientId), context.previous);
    },
    onSettled: (_client, error, variables) => {
      if (error) void queryClient.invalidateQueries({ queryKey: key(variables.clientId), exact: true });
      void queryClient.invalidateQueries({ queryKey: consoleKeys.clientLists(), refetchType: 'none' });
    },
  });
}

/**
 * Edits a client's card (name, comment, extra comments) through the proxy (`PATCH /clients/:id`)
 * with an idempotency key: shown at once, rolled back if the proxy refuses.
 */
export function useUpdateClient(): UseMutationResult<Client, Error, UpdateClientVariables, EditContext> {
  const api = useConsoleClient();
  return useClientEdit<UpdateClientVariables>(
    ({ clientId, changes }, idempotencyKey) => api.updateClient(clientId, { ...changes, idempotencyKey }),
    (client, { changes }) => ({ ...client, ...changes }),
  );
}

/**
 * Sets a client's tags through the proxy (`POST /clients/:id/tags`, which adds and removes the
 * difference) with an idempotency key: shown at once, rolled back if the proxy refuses.
 */
export function useSetClientTags(): UseMutationResult<Client, Error, SetClientTagsVariables, EditContext> {
  const api = useConsoleClient();
  return useClientEdit<SetClientTagsVariables>(
    ({ clientId, tags }, idempotencyKey) => api.setClientTags(clientId, { tagIds: tags.map((tag) => tag.id), idempotencyKey }),
    (client, { tags }) => ({ ...client, tags }),
  );
}
