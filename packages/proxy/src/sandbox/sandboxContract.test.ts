import { describe, expect, it } from 'vitest';
import {
  mapClient,
  mapClientChannels,
  mapClientList,
  mapDialog,
  mapMessageList,
  mapOperatorList,
  mapSendResult,
  mapTransferList,
  sendMessageBody,
} from '../upstream/mappers.js';
import { clientChannelsPath, clientPath, clientsPath, dialogPath, messagesPath, operatorsPath, transfersPath } from '../upstream/paths.js';
import { createSandboxApp } from './createSandboxApp.js';

// The proxy builds its upstream requests and reads the answers through upstream/paths.ts and
// upstream/mappers.ts; the
// sandbox must satisfy exactly that, or sandbox mode breaks while both sides' own tests pass.
describe('the proxy’s Chat2Desk mapping reads every sandbox answer', () => {
  const { app, store } = createSandboxApp({ seed: 4, clients: 50 });
  const get = async (path: string): Promise<unknown> => {
    const response = await app.request(`http://sandbox.local${path}`, { headers: { authorization: 'sandbox', accept: 'application/json' } });
    expect(response.status).toBe(200);
    return response.json();
  };
  const page = { limit: 20, offset: 0 };
  const client = store.data.clients[0];
  const clientId = client?.id ?? 0;

  it('clients, one client and its channels', async () => {
    const list = mapClientList(await get(clientsPath({ ...page, q: client?.name?.slice(0, 3) })));
    expect(list.data.map((c) => c.id)).toContain(clientId);
    expect(list.meta).toMatchObject({ limit: 20, offset: 0 });
    const byPhone = mapClientList(await get(clientsPath({ ...page, q: `+${client?.phone?.slice(0, 6) ?? '7'}` })));
    expect(byPhone.data.length).toBeGreaterThan(0);
    expect(mapClient(await get(clientPath(clientId)))).toMatchObject({ id: clientId, avatar: null, lastClientMessage: expect.stringMatching(/Z$/) });
    expect(mapClientChannels(await get(clientChannelsPath(clientId)))[0]).toEqual({ channelId: expect.any(Number), transport: expect.any(String), name: expect.any(String) });
  });

  it('messages, a send, a dialog, operators and transfers', async () => {
    const sent = await app.request('http://sandbox.local/v1/messages', {
      method: 'POST',
      headers: { authorization: 'sandbox', 'content-type': 'application/json' },
      body: JSON.stringify(sendMessageBody({ clientId, text: 'Contract check' })),
    });
    const result = mapSendResult(await sent.json());
    const messages = mapMessageList(await get(messagesPath(clientId, page)));
    expect(messages.data[0]).toMatchObject({ id: result.messageId, text: 'Contract check', dialogId: result.dialogId, type: 'to_client', read: false });
    expect(mapDialog(await get(dialogPath(result.dialogId ?? 0)))).toMatchObject({ id: result.dialogId, clientId, state: 'open' });
    const operators = mapOperatorList(await get(operatorsPath()));
    expect(operators.data.length).toBe(store.data.operators.length);
    const transfers = mapTransferList(await get(transfersPath({ ...page, clientId })));
    expect(transfers.data.at(-1)).toMatchObject({ clientId, fromOperatorId: null });
  });
});
