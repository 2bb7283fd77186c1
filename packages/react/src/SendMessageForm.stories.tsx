import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, waitFor, within } from 'storybook/test';
import { SendMessageForm } from './SendMessageForm.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { createConsoleHandlers } from './test/handlers.js';
import { EMOJI_RUN, LONG_CLIENT_ID, LONG_URL, longContentHandlers } from './test/longContent.js';
import { widgetBox } from './test/widgetBox.js';

const meta = {
  title: 'History/SendMessageForm',
  component: SendMessageForm,
  args: { clientId: 1001, onSent: fn() },
  decorators: [widgetBox({ maxWidth: 420 })],
} satisfies Meta<typeof SendMessageForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const textbox = (canvasElement: HTMLElement) => within(canvasElement).getByRole('textbox', { name: 'Message' });

/** One channel: no picker. Enter sends, Shift+Enter adds a line. */
export const Default: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    await userEvent.type(textbox(canvasElement), 'First line{Shift>}{Enter}{/Shift}second line');
    await expect(textbox(canvasElement)).toHaveValue('First line\nsecond line');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await expect(textbox(canvasElement)).toHaveValue('');
    await expect(textbox(canvasElement)).toHaveFocus();
  },
};

/** A client reachable through several channels gets a picker. */
export const SeveralChannels: Story = {
  args: { clientId: 1002 },
  play: async ({ canvasElement, userEvent }) => {
    const picker = await within(canvasElement).findByRole('combobox', { name: 'Channel' });
    await userEvent.selectOptions(picker, 'Telegram · @shop_bot');
    await expect(picker).toHaveDisplayValue('Telegram · @shop_bot');
  },
};

/** Sending fails: the reason shows and the text stays, so nothing is lost. */
export const SendFails: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          http.post('/api/messages', () =>
            HttpResponse.json({ error: { code: 'upstream_auth', message: "the proxy's Chat2Desk token was rejected" } }, { status: 502 }),
          ),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent, args }) => {
    await userEvent.type(textbox(canvasElement), 'Please keep me{Enter}');
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent("Not sent: the proxy's Chat2Desk token was rejected");
    await expect(textbox(canvasElement)).toHaveValue('Please keep me');
    await expect(args.onSent).not.toHaveBeenCalled();
  },
};

/** Chat2Desk did not answer in time: the message may have gone out, so the form says to check the history. */
export const SendUnconfirmed: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          http.post('/api/messages', () =>
            HttpResponse.json({ error: { code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' } }, { status: 504 }),
          ),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent, args }) => {
    await userEvent.type(textbox(canvasElement), 'Did this arrive?{Enter}');
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Not confirmed: Chat2Desk did not answer in time');
    await expect(alert).toHaveTextContent('check the history');
    await expect(textbox(canvasElement)).toHaveValue('Did this arrive?');
    await expect(args.onSent).not.toHaveBeenCalled();
  },
};

/** While sending, the form is busy and a second Enter does nothing. */
export const Sending: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          http.post('/api/messages', async () => {
            await delay('infinite');
            return HttpResponse.json({});
          }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.type(textbox(canvasElement), 'On its way{Enter}{Enter}');
    await expect(await within(canvasElement).findByRole('button', { name: 'Sending…' })).toBeDisabled();
  },
};

/** Near the 4096-character limit a counter appears; over it, sending is refused. */
export const TooLong: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(textbox(canvasElement));
    await userEvent.paste('x'.repeat(4100));
    await expect(within(canvasElement).getByText('Too long: 4100 of 4096 characters')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** An internal note: the Note switch, its own colour, placeholder and button; sent as a `comment`. */
export const Note: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Note' }));
    await expect(textbox(canvasElement)).toHaveAttribute('placeholder', 'Internal note: only operators see it…');
    await expect(canvasElement.querySelector('.c2d-send')).toHaveClass('c2d-send--note');
    await userEvent.type(textbox(canvasElement), 'Offer the 10% discount{Enter}');
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await expect(canvas.getByRole('button', { name: 'Add note' })).toBeDisabled();
  },
};

/** A seat that may not leave notes: the proxy refuses (403), the form says why and switches notes off. */
export const NoteRefused: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ forbidden: ['note'] }) } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Note' }));
    await userEvent.type(textbox(canvasElement), 'Internal{Enter}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(`Not allowed: ${forbiddenMessage('note')}`);
    await expect(canvas.getByRole('radio', { name: 'Note' })).toBeDisabled();
    await expect(canvas.getByRole('radio', { name: 'Reply' })).toBeChecked();
  },
};

/** "/" at the start opens the quick replies: type to filter, arrows, Enter inserts; Escape closes. */
export const QuickReplies: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.type(textbox(canvasElement), '/');
    const list = await canvas.findByRole('listbox', { name: 'Quick replies' });
    await expect(within(list).getAllByRole('option')).toHaveLength(5);
    await userEvent.type(textbox(canvasElement), 'дост');
    await expect(within(list).getAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    await expect(textbox(canvasElement)).toHaveValue('Доставка занимает 1–3 рабочих дня, номер для отслеживания придёт по SMS.');
    await expect(canvas.queryByRole('listbox')).toBeNull();
    await userEvent.clear(textbox(canvasElement));
    await userEvent.type(textbox(canvasElement), '/');
    await canvas.findByRole('listbox', { name: 'Quick replies' });
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('listbox')).toBeNull();
    await expect(textbox(canvasElement)).toHaveValue('/');
  },
};

/** Keeps picked files in memory, as the sandbox does, after a short wait. */
const uploadToMemory = async (file: File) => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { url: URL.createObjectURL(file), filename: file.name };
};
const pdf = (name: string, size = 120_000) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

/** With the host's `uploadFile`: the limits said up front; a picked file uploads, shows as a chip, goes with the message. */
export const Attachment: Story = {
  args: { uploadFile: uploadToMemory },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    const chooser = canvas.getByLabelText(/Attach a file/);
    await expect(chooser).toHaveAccessibleDescription(/^Up to 20\sMB: photos, video, audio, PDF, documents$/);
    await userEvent.upload(chooser, pdf('offer.pdf'));
    await expect(canvas.getByText('Uploading offer.pdf…')).toBeVisible();
    await expect(await canvas.findByTitle('offer.pdf', {}, { timeout: 3000 })).toHaveTextContent('📎 offer.pdf');
    await expect(canvas.getByRole('button', { name: 'Remove offer.pdf' })).toBeVisible();
    await userEvent.type(textbox(canvasElement), 'Our offer{Enter}');
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByTitle('offer.pdf')).toBeNull());
  },
};

/** A file over the limit is refused before any upload, saying why. */
export const AttachmentTooBig: Story = {
  args: { uploadFile: uploadToMemory, maxFileSize: 100_000 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(canvas.getByLabelText(/Attach a file/), pdf('catalogue.pdf', 100_001));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/catalogue\.pdf is larger than 0\.1\sMB/);
  },
};

/** Russian labels. */
export const Russian: Story = {
  args: { uploadFile: uploadToMemory },
  parameters: { locale: 'ru' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Сообщение' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Отправить' })).toBeDisabled();
    await expect(canvas.getByLabelText(/Прикрепить файл/)).toHaveAccessibleDescription(/^До 20\sМБ: фото, видео, аудио, PDF, документы$/);
    await userEvent.click(canvas.getByRole('radio', { name: 'Заметка' }));
    await expect(canvas.getByRole('button', { name: 'Добавить заметку' })).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Сообщение' }), '/');
    await expect(await canvas.findByRole('listbox', { name: 'Быстрые ответы' })).toBeVisible();
  },
};

/** Dark theme, with the channel picker. */
export const Dark: Story = {
  args: { clientId: 1002 },
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('combobox', { name: 'Channel' });
  },
};

/** In a 280 px CRM side panel, with the channel picker, Reply / Note, the attach button and the quick replies. */
export const Narrow: Story = {
  args: { clientId: 1002, uploadFile: uploadToMemory },
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('combobox', { name: 'Channel' });
    await expectWidgetsFit(canvasElement);
    // The quick replies too: long texts end in an ellipsis.
    await userEvent.type(textbox(canvasElement), '/');
    await canvas.findByRole('listbox', { name: 'Quick replies' });
    await expectWidgetsFit(canvasElement);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  args: { clientId: 1002, uploadFile: uploadToMemory },
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('combobox', { name: 'Channel' });
    await expectWidgetsFit(canvasElement);
  },
};

/**
 * At 280, 360 and 768 px, in both languages, with long channel names in the picker, a link and
 * an emoji run typed, and an error naming a 120-character link: everything stays in the box.
 */
export const FitsItsContainer: Story = {
  args: { clientId: LONG_CLIENT_ID, uploadFile: uploadToMemory },
  parameters: { widgetBox: false, msw: { handlers: { console: [...longContentHandlers(), ...createConsoleHandlers()] } } },
  render: (args) => <FitGallery render={(locale) => <SendMessageForm {...args} locale={locale} />} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('combobox')).toHaveLength(6));
    // One form at a time: a failed send focuses its own box again when it settles, which would
    // steal the focus from the next form's typing.
    /* oxlint-disable no-await-in-loop */
    for (const form of canvasElement.querySelectorAll<HTMLElement>('.c2d-send')) {
      await userEvent.click(within(form).getByRole('textbox'));
      await userEvent.paste(`${LONG_URL} ${EMOJI_RUN}`);
      await userEvent.keyboard('{Enter}');
      await within(form).findByRole('alert');
    }
    /* oxlint-enable no-await-in-loop */
    await waitFor(() => expect(canvas.getAllByRole('alert')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
  },
};
