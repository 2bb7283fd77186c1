import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClientCard } from './ClientCard.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { makeClient, makeClients } from './test/fixtures.js';
import { createConsoleHandlers, failOnce } from './test/handlers.js';
import { holdRequest } from './test/holdRequest.js';
import { recordWrites } from './test/recordWrites.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

/** Client 1000: an operator-given name, VIP, a comment, an extra comment and custom fields. */
const clients = [
  makeClient(0, { comment: 'Prefers WhatsApp', extraComment2: 'Wholesale since 2024', customFields: { '12': 'Gold', '13': null, crm_stage: 'Won' } }),
  ...makeClients(20).slice(1),
];
const { server } = setupConsoleServer();
const writes = recordWrites(server);
beforeEach(() => server.use(...createConsoleHandlers({ baseUrl: TEST_API_URL, clients })));

const card = () => screen.getByRole('group', { name: 'Айгерим (VIP)' });

describe('ClientCard', () => {
  it('shows the name Chat2Desk shows, the client’s own, the phone, extra comments, custom fields (labelled by the host) and tags', async () => {
    renderWithConsole(<ClientCard clientId={1000} fieldLabels={{ '12': 'Loyalty level' }} />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Айгерим (VIP)' })).toBeInTheDocument();
    const terms = within(card()).getAllByRole('term').map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(terms).toEqual([
      'Own name: Айгерим Касымова',
      'Phone: +7 701 100-00-00',
      'Extra comment 2: Wholesale since 2024',
      'Loyalty level: Gold',
      'crm_stage: Won',
    ]);
    expect(within(card()).getByRole('group', { name: 'Comment' })).toHaveTextContent('Prefers WhatsApp');
    expect(within(card()).getByRole('list', { name: 'Tags' })).toHaveTextContent('VIP');
  });

  it('edits the comment in place: Escape leaves it as it was, Ctrl+Enter saves it, shown at once', async () => {
    const user = userEvent.setup();
    renderWithConsole(<ClientCard clientId={1000} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Comment' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('Prefers WhatsApp');
    await user.type(box, ' — not this');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(card()).toHaveTextContent('Prefers WhatsApp');
    expect(writes).toHaveLength(0);

    const release = holdRequest(server, `${TEST_API_URL}/clients/1000`, 'patch');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByRole('textbox', { name: 'Comment' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Call after 18:00{Control>}{Enter}{/Control}');
    expect(within(card()).getByRole('group', { name: 'Comment' })).toHaveTextContent('Call after 18:00');
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    release();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit' })).toBeEnabled());
    expect(writes).toEqual([{ method: 'PATCH', path: '/clients/1000', body: { comment: 'Call after 18:00', idempotencyKey: expect.any(String) } }]);
  });

  it('rolls a failed save back, gives the text back to save again, and the second try reuses the key', async () => {
    const user = userEvent.setup();
    server.use(failOnce('patch', `${TEST_API_URL}/clients/1000`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    renderWithConsole(<ClientCard clientId={1000} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByRole('textbox', { name: 'Comment' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'New note');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Chat2Desk did not answer in time');
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue('New note');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(card()).toHaveTextContent('New note'));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]?.body.idempotencyKey).toBe(writes[0]?.body.idempotencyKey);
  });

  it('removes a tag at once and adds one from the account’s tags by keyboard', async () => {
    const user = userEvent.setup();
    renderWithConsole(<ClientCard clientId={1000} />);
    await user.click(await screen.findByRole('button', { name: 'Remove tag VIP' }));
    expect(screen.getByText('No tags')).toBeInTheDocument();
    await waitFor(() => expect(writes.at(-1)).toMatchObject({ path: '/clients/1000/tags', body: { tagIds: [] } }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add tag' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const search = screen.getByRole('combobox', { name: 'Add tag' });
    expect(search).toHaveFocus();
    await user.type(search, 'обращ');
    // "Обращения" is a tag group: its tags match.
    expect(within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Жалоба', 'Delivery']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(card()).getByRole('list', { name: 'Tags' })).toHaveTextContent('Delivery');
    await waitFor(() => expect(writes.at(-1)).toMatchObject({ body: { tagIds: [81] } }));
    expect(screen.getByRole('button', { name: 'Add tag' })).toHaveFocus();
  });

  it('says why when the seat may not edit or tag, and keeps those controls off', async () => {
    const user = userEvent.setup();
    server.use(...createConsoleHandlers({ baseUrl: TEST_API_URL, clients, forbidden: ['edit_client', 'tag'] }));
    renderWithConsole(<ClientCard clientId={1000} />);
    await user.click(await screen.findByRole('button', { name: 'Remove tag VIP' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Not allowed: ${forbiddenMessage('tag')}`);
    expect(within(card()).getByRole('list', { name: 'Tags' })).toHaveTextContent('VIP');
    expect(screen.getByRole('button', { name: 'Add tag' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), '!{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(card()).toHaveTextContent('Prefers WhatsApp');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
  });

  it('says when the client does not exist', async () => {
    renderWithConsole(<ClientCard clientId={99_999} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This client was not found');
  });

  it('speaks Russian', async () => {
    renderWithConsole(<ClientCard clientId={1000} locale={ru} />);
    expect(await screen.findByRole('button', { name: 'Изменить' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Убрать тег VIP' })).toBeInTheDocument();
    expect(screen.getByText('Телефон')).toBeInTheDocument();
  });
});
