import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { ClientCard } from './ClientCard.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { makeClient, makeClients } from './test/fixtures.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createConsoleHandlers, createFaultHandlers, failOnce } from './test/handlers.js';
import { EMOJI_RUN, LONG_NAME, LONG_URL, LONG_WORD } from './test/longContent.js';
import { widgetBox } from './test/widgetBox.js';

/** Client 1000 as a CRM knows them: an operator-given name, VIP, a comment, extra comments and custom fields. */
const richClient = makeClient(0, {
  comment: 'Prefers WhatsApp after 18:00. Wholesale prices agreed with Алия.',
  extraComment1: 'Wholesale since 2024',
  customFields: { '12': 'Gold', '13': null, crm_stage: 'Won' },
});
const clients = [richClient, ...makeClients(40).slice(1)];
/** A fake proxy of the story's own, holding {@link richClient}: one story's edits stay in it. */
const ownAccount = (options: Parameters<typeof createConsoleHandlers>[0] = {}) => ({
  msw: { handlers: { console: createConsoleHandlers({ clients, ...options }) } },
});

const meta = {
  title: 'Clients/ClientCard',
  component: ClientCard,
  args: { clientId: 1000, fieldLabels: { '12': 'Loyalty level' } },
  decorators: [widgetBox({ maxWidth: 380 })],
} satisfies Meta<typeof ClientCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Edits answered after 600 ms, so "Saving…" can be seen. */
const slowEdits = http.patch('/api/clients/:id', async () => {
  await delay(600);
  return undefined;
});

const card = (canvasElement: HTMLElement) => within(canvasElement).findByRole('group', { name: 'Айгерим (VIP)' });

/** Everything the card shows: names, phone, extra comments, custom fields (one labelled by the host), comment, tags. */
export const Default: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement }) => {
    const found = await card(canvasElement);
    await expect(within(found).getByRole('heading', { level: 3 })).toHaveTextContent('Айгерим (VIP)');
    await expect(found).toHaveTextContent('Loyalty levelGold');
    await expect(found).toHaveTextContent('crm_stageWon');
    await expect(within(found).getByRole('list', { name: 'Tags' })).toHaveTextContent('VIP');
  },
};

/** Edit the comment in place: the box takes focus; Escape backs out; Save shows it at once. */
export const EditComment: Story = {
  parameters: { msw: { handlers: { console: [slowEdits, ...createConsoleHandlers({ clients })] } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await card(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    const box = canvas.getByRole('textbox', { name: 'Comment' });
    await expect(box).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('button', { name: 'Edit' })).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Comment' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Comment' }), 'Call back on Monday');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(canvas.getByRole('group', { name: 'Comment' })).toHaveTextContent('Call back on Monday');
    await expect(canvas.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Edit' })).toBeEnabled());
  },
};

/** The proxy fails the save: the old comment comes back, and the text is kept to save again. */
export const SaveFails: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('patch', '/api/clients/1000', { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }),
          ...createConsoleHandlers({ clients }),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await card(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Comment' }), ' Urgent.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Not saved: Chat2Desk did not answer in time');
    await expect(canvas.getByRole('textbox', { name: 'Comment' })).toHaveValue(`${richClient.comment} Urgent.`);
  },
};

/** Tags: remove one (at once), add one from the account's tags by searching and Enter. */
export const Tags: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await card(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove tag VIP' }));
    await expect(canvas.getByText('No tags')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Add tag' }));
    await expect(canvas.getByRole('combobox', { name: 'Add tag' })).toHaveFocus();
    await userEvent.keyboard('опт');
    await within(await canvas.findByRole('listbox')).findByRole('option', { name: /Опт/ });
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('list', { name: 'Tags' })).toHaveTextContent('Опт');
    await expect(canvas.getByRole('button', { name: 'Add tag' })).toHaveFocus();
  },
};

/** A read-only seat: the proxy refuses (403); the card says why, and the controls stay off. */
export const ReadOnlySeat: Story = {
  parameters: ownAccount({ forbidden: ['edit_client', 'tag'] }),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await card(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove tag VIP' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(`Not allowed: ${forbiddenMessage('tag')}`);
    await expect(canvas.getByRole('button', { name: 'Add tag' })).toBeDisabled();
    await expect(canvas.getByRole('list', { name: 'Tags' })).toHaveTextContent('VIP');
  },
};

/** A client with little filled in: no comment, no tags. */
export const Sparse: Story = {
  args: { clientId: 1003 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No comment yet')).toBeVisible();
    await expect(canvas.getByText('No tags')).toBeVisible();
  },
};

/** While the client loads. */
export const Loading: Story = {
  parameters: ownAccount({ latency: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading the client…')).toHaveAttribute('role', 'status');
  },
};

/** The client cannot be loaded: why, who can fix it, and Retry. */
export const LoadError: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load the client');
    await expect(alert).toHaveTextContent('Ask your Chat2Desk admin');
  },
};

/** No such client. */
export const NotFound: Story = {
  args: { clientId: 99_999 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('This client was not found');
  },
};

/** Russian labels. */
export const Russian: Story = {
  parameters: { ...ownAccount(), locale: 'ru' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Изменить' })).toBeVisible();
    await expect(canvas.getByText('Телефон')).toBeVisible();
    await expect(canvas.getByRole('list', { name: 'Теги' })).toBeVisible();
  },
};

export const Dark: Story = {
  parameters: { ...ownAccount(), theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(getComputedStyle(await card(canvasElement)).backgroundColor).toBe('rgb(23, 25, 29)');
  },
};

/** In a 280 px side panel, with the tag picker open: labels go over their values. */
export const Narrow: Story = {
  parameters: { ...ownAccount(), boxWidth: 280 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await card(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add tag' }));
    await canvas.findByRole('listbox');
    await expectWidgetsFit(canvasElement);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { ...ownAccount(), boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await card(canvasElement);
    await expectWidgetsFit(canvasElement);
  },
};

/** A client full of long unbroken text: names, a link for a comment, emoji, a long custom field. */
const longClient = makeClient(0, {
  name: LONG_NAME,
  assignedName: LONG_WORD,
  phone: '7701123456789012345678901234567',
  comment: `See ${LONG_URL} ${EMOJI_RUN}`,
  extraComment3: LONG_URL,
  customFields: { [LONG_WORD]: LONG_URL },
  tags: [{ id: 78, label: LONG_WORD, groupId: null, groupName: null, description: null }],
});

/** At 280, 360 and 768 px, in both languages, with long names, links and emoji everywhere: nothing sticks out. */
export const FitsItsContainer: Story = {
  parameters: { widgetBox: false, ...ownAccount({ clients: [longClient] }) },
  render: (args) => <FitGallery render={(locale) => <ClientCard {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.c2d-client-card[data-state="success"]')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
  },
};
