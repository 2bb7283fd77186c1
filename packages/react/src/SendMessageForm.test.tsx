import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MessageHistory } from './MessageHistory.js';
import { SendMessageForm } from './SendMessageForm.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { createConsoleHandlers, failOnce as failOnceHandler } from './test/handlers.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

const baseUrl = TEST_API_URL;
/** `sent`: the body of every POST /messages the form sent. */
const { server, sent, requests } = setupConsoleServer();

const textbox = () => screen.getByRole('textbox', { name: 'Message' });
/** Holds every send until the test ends, so what shows while sending stays to be checked. */
const holdSends = () => http.post(`${baseUrl}/messages`, () => new Promise<undefined>(() => {}));
const failOnce = () =>
  server.use(
    failOnceHandler('post', `${baseUrl}/messages`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }),
  );

describe('SendMessageForm', () => {
  it('sends with Enter, clears the box and keeps focus', async () => {
    const user = userEvent.setup();
    const onSent = vi.fn();
    renderWithConsole(<SendMessageForm clientId={1001} onSent={onSent} />);
    await user.type(textbox(), 'Hello there{Enter}');
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ clientId: 1001, text: 'Hello there', channelId: 1, transport: 'whatsapp' });
    expect(sent[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(textbox()).toHaveValue('');
    expect(textbox()).toHaveFocus();
  });

  it('inserts a newline with Shift+Enter instead of sending', async () => {
    const user = userEvent.setup();
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), 'line one{Shift>}{Enter}{/Shift}line two');
    expect(textbox()).toHaveValue('line one\nline two');
    expect(sent).toHaveLength(0);
  });

  it('does not send blank text', async () => {
    const user = userEvent.setup();
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), '   {Enter}');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(sent).toHaveLength(0);
  });

  it('sends once however often Enter and the button are pressed while sending', async () => {
    const user = userEvent.setup();
    server.use(
      http.post(`${baseUrl}/messages`, async () => {
        await delay(150);
        return undefined;
      }),
    );
    const onSent = vi.fn();
    renderWithConsole(<SendMessageForm clientId={1001} onSent={onSent} />);
    await user.type(textbox(), 'Only once');
    await user.keyboard('{Enter}{Enter}{Enter}');
    await user.click(screen.getByRole('button', { name: /Send/ }));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(1);
  });

  it('keeps the text and says why when sending fails, then retries with the same idempotency key', async () => {
    const user = userEvent.setup();
    failOnce();
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), 'Important answer{Enter}');
    const alert = await screen.findByRole('alert');
    // A timeout proves nothing: the message may have gone out, so the operator is told to look.
    expect(alert).toHaveTextContent('Not confirmed: Chat2Desk did not answer in time');
    expect(alert).toHaveTextContent('may still have been delivered');
    expect(textbox()).toHaveValue('Important answer');
    expect(textbox()).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(textbox()).toHaveValue(''));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent).toHaveLength(2);
    // The retry is the same send: the proxy deduplicates it if the first one did go through.
    expect(sent[1]?.idempotencyKey).toBe(sent[0]?.idempotencyKey);
  });

  it('says "not sent" when the proxy proves nothing went out (rate limited)', async () => {
    const user = userEvent.setup();
    server.use(
      failOnceHandler('post', `${baseUrl}/messages`, { status: 429, code: 'rate_limited', message: 'Too many messages, wait a moment' }),
    );
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), 'Wait for it{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not sent: Too many messages, wait a moment');
    expect(alert).not.toHaveTextContent('delivered');
    expect(textbox()).toHaveValue('Wait for it');
  });

  it('uses a new idempotency key for a different message', async () => {
    const user = userEvent.setup();
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), 'first{Enter}');
    await waitFor(() => expect(sent).toHaveLength(1));
    await waitFor(() => expect(textbox()).toHaveValue(''));
    await user.type(textbox(), 'first{Enter}');
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]?.idempotencyKey).not.toBe(sent[0]?.idempotencyKey);
  });

  it('shows a channel picker only when the client has several channels, and sends the picked one', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithConsole(<SendMessageForm clientId={1001} />);
    await waitFor(() => expect(textbox()).toBeInTheDocument());
    expect(screen.queryByRole('combobox', { name: 'Channel' })).not.toBeInTheDocument();
    unmount();

    renderWithConsole(<SendMessageForm clientId={1002} />);
    const picker = await screen.findByRole('combobox', { name: 'Channel' });
    await user.selectOptions(picker, screen.getByRole('option', { name: /Telegram/ }));
    await user.type(textbox(), 'via telegram{Enter}');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ clientId: 1002, channelId: 2, transport: 'telegram' });
  });

  it('refuses text over 4096 characters with a counter', async () => {
    const user = userEvent.setup();
    renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.click(textbox());
    await user.paste('x'.repeat(4100));
    expect(screen.getByText('Too long: 4100 of 4096 characters')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(sent).toHaveLength(0);
  });

  it('appends the message to the history at once and confirms it in place when the proxy accepts it', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    server.use(
      http.post(`${baseUrl}/messages`, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return undefined;
      }),
    );
    renderWithConsole(
      <>
        <MessageHistory clientId={1001} />
        <SendMessageForm clientId={1001} />
      </>,
    );
    await screen.findByText('Здравствуйте! Где мой заказ?');
    await user.type(textbox(), 'Confirmed hello{Enter}');
    const pending = await screen.findByText('Confirmed hello', { selector: 'p' });
    expect(pending.closest('li')).toHaveAttribute('data-status', 'sending');
    expect(pending.closest('li')).toHaveTextContent('Sending…');
    // The refetch after the send is slow, so only the in-place confirmation can clear the mark.
    server.use(
      http.get(`${baseUrl}/clients/:id/messages`, async () => {
        await delay(1000);
        return undefined;
      }),
    );
    release();
    await waitFor(() => expect(screen.getByText('Confirmed hello', { selector: 'p' }).closest('li')).not.toHaveAttribute('data-status'));
    expect(screen.getAllByText('Confirmed hello', { selector: 'p' })).toHaveLength(1);
    expect(screen.getByText('Confirmed hello', { selector: 'p' }).closest('li')?.querySelector('time')).not.toBeNull();
  });

  it('appends the message to the history at once and rolls it back when sending fails', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    server.use(
      http.post(`${baseUrl}/messages`, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return HttpResponse.json({ error: { code: 'upstream_auth', message: "the proxy's Chat2Desk token was rejected" } }, { status: 502 });
      }),
    );
    renderWithConsole(
      <>
        <MessageHistory clientId={1001} />
        <SendMessageForm clientId={1001} />
      </>,
    );
    await screen.findByText('Здравствуйте! Где мой заказ?');
    await user.type(textbox(), 'Optimistic hello{Enter}');
    const pending = await screen.findByText('Optimistic hello', { selector: 'p' });
    expect(pending.closest('li')).toHaveAttribute('data-status', 'sending');
    // The refetch after the failure is slow, so only the rollback itself can remove the message.
    server.use(
      http.get(`${baseUrl}/clients/:id/messages`, async () => {
        await delay(1000);
        return undefined;
      }),
    );
    release();
    await screen.findByRole('alert');
    expect(screen.queryByText('Optimistic hello', { selector: 'p' })).not.toBeInTheDocument();
    expect(textbox()).toHaveValue('Optimistic hello');
  });

  it('lets the host focus the message box through textareaRef, e.g. after picking a client', async () => {
    const textareaRef = createRef<HTMLTextAreaElement>();
    const formRef = createRef<HTMLFormElement>();
    renderWithConsole(<SendMessageForm clientId={1001} ref={formRef} textareaRef={textareaRef} />);
    expect(textareaRef.current).toBe(textbox());
    expect(formRef.current).toBe(textbox().closest('form'));
    act(() => textareaRef.current?.focus());
    expect(textbox()).toHaveFocus();
  });

  it('still puts focus back in the box after a send when the host holds the box through a callback ref', async () => {
    const user = userEvent.setup();
    const boxes: Array<HTMLTextAreaElement | null> = [];
    const { unmount } = renderWithConsole(<SendMessageForm clientId={1001} textareaRef={(node) => void boxes.push(node)} />);
    await user.type(textbox(), 'Hello{Enter}');
    await waitFor(() => expect(sent).toHaveLength(1));
    await waitFor(() => expect(textbox()).toHaveValue(''));
    expect(textbox()).toHaveFocus();
    expect(boxes).toEqual([textbox()]);
    unmount();
    expect(boxes).toEqual([expect.any(HTMLTextAreaElement), null]);
  });

  it('starts clean for another client', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithConsole(<SendMessageForm clientId={1001} />);
    await user.type(textbox(), 'draft for 1001');
    rerender(<SendMessageForm clientId={1003} />);
    expect(textbox()).toHaveValue('');
  });

  describe('notes', () => {
    it('leaves an internal note with the Note switch: its own placeholder and button, sent as a comment, shown as a note at once', async () => {
      const user = userEvent.setup();
      server.use(holdSends());
      renderWithConsole(
        <>
          <MessageHistory clientId={1001} />
          <SendMessageForm clientId={1001} />
        </>,
      );
      await screen.findByText('Здравствуйте! Где мой заказ?');
      await user.click(screen.getByRole('radio', { name: 'Note' }));
      expect(textbox()).toHaveAttribute('placeholder', 'Internal note: only operators see it…');
      await user.type(textbox(), 'Call back after 5{Enter}');
      const pending = await screen.findByText('Call back after 5', { selector: 'p' });
      expect(pending.closest('li')).toHaveClass('c2d-message--note');
      expect(sent[0]).toMatchObject({ clientId: 1001, text: 'Call back after 5', type: 'comment' });
      expect(sent[0]).not.toHaveProperty('channelId');
      expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    });

    it('switches notes off when the seat may not leave them, says why, and keeps the text for a reply', async () => {
      const user = userEvent.setup();
      server.use(...createConsoleHandlers({ baseUrl, forbidden: ['note'] }));
      renderWithConsole(<SendMessageForm clientId={1001} />);
      await user.click(screen.getByRole('radio', { name: 'Note' }));
      await user.type(textbox(), 'Secret{Enter}');
      expect(await screen.findByRole('alert')).toHaveTextContent(`Not allowed: ${forbiddenMessage('note')}.`);
      expect(screen.getByRole('radio', { name: 'Note' })).toBeDisabled();
      expect(screen.getByRole('radio', { name: 'Reply' })).toBeChecked();
      expect(textbox()).toHaveValue('Secret');
      expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    });

    it('hides the switch when the host turns notes off', () => {
      renderWithConsole(<SendMessageForm clientId={1001} notes={false} />);
      expect(screen.queryByRole('radio')).toBeNull();
    });
  });

  describe('quick replies', () => {
    const list = () => screen.queryByRole('listbox', { name: 'Quick replies' });

    it('opens on "/" at the start, filters as the operator types, and Enter inserts the active one', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} />);
      await user.type(textbox(), '/');
      expect(await screen.findByRole('listbox', { name: 'Quick replies' })).toBeInTheDocument();
      expect(within(list()!).getAllByRole('option')).toHaveLength(5);
      expect(screen.getByText(/Quick replies: 5\. Arrows choose/)).toHaveAttribute('role', 'status');
      await user.type(textbox(), 'th');
      const options = within(list()!).getAllByRole('option');
      // "Thanks" by title, and "Доставка" (…отслеживания…)? No: only the titles and texts with "th".
      expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Thanks'), expect.stringContaining('Please send the delivery address')]);
      expect(textbox()).toHaveAttribute('aria-activedescendant', options[0]!.id);
      await user.keyboard('{ArrowDown}');
      expect(textbox()).toHaveAttribute('aria-activedescendant', options[1]!.id);
      await user.keyboard('{Enter}');
      expect(textbox()).toHaveValue('Please send the delivery address with the flat number and a contact phone.');
      expect(list()).toBeNull();
      expect(sent).toHaveLength(0);
      expect(textbox()).toHaveFocus();
    });

    it('closes with Escape, keeps what was typed, and then Enter sends it as it is', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} />);
      await user.type(textbox(), '/start');
      await waitFor(() => expect(list()).toBeNull());
      expect(screen.getByText('No quick reply matches')).toBeInTheDocument();
      await user.clear(textbox());
      await user.type(textbox(), '/');
      await screen.findByRole('listbox', { name: 'Quick replies' });
      await user.keyboard('{Escape}');
      expect(list()).toBeNull();
      expect(textbox()).toHaveValue('/');
      await user.type(textbox(), 'shrug{Enter}');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]?.text).toBe('/shrug');
    });

    it('inserts a quick reply picked with the mouse', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} />);
      await user.type(textbox(), '/прив');
      await user.click(await screen.findByRole('option', { name: /Приветствие/ }));
      expect(textbox()).toHaveValue('Здравствуйте! Чем могу помочь?');
    });

    it('does not open for a "/" later in the text, and asks for no templates until it opens', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} />);
      await user.type(textbox(), 'and/or');
      expect(list()).toBeNull();
      expect(requests.some((url) => url.pathname === '/templates')).toBe(false);
    });
  });

  describe('attachments', () => {
    const file = (name: string, type: string, size = 1000) => new File([new Uint8Array(size)], name, { type });
    const chooser = () => screen.getByLabelText(/Attach a file/);

    it('offers no file without the host’s uploadFile', () => {
      renderWithConsole(<SendMessageForm clientId={1001} />);
      expect(screen.queryByLabelText(/Attach a file/)).toBeNull();
    });

    it('says the limits up front, uploads a picked file at once, and sends its URL with the message', async () => {
      const user = userEvent.setup();
      let finish: (url: string) => void = () => {};
      const uploadFile = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
      renderWithConsole(<SendMessageForm clientId={1001} uploadFile={uploadFile} />);
      expect(chooser()).toHaveAccessibleDescription('Up to 20 MB: photos, video, audio, PDF, documents');
      await user.upload(chooser(), file('invoice.pdf', 'application/pdf'));
      expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'invoice.pdf' }));
      expect(screen.getByText('Uploading invoice.pdf…')).toHaveAttribute('role', 'status');
      await user.type(textbox(), 'Your invoice{Enter}');
      expect(sent).toHaveLength(0);
      expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
      act(() => finish('https://files.example/invoice.pdf'));
      // Uploaded: the file's chip, and the message may go.
      expect(await screen.findByTitle('invoice.pdf')).toHaveTextContent('📎 invoice.pdf');
      await user.click(screen.getByRole('button', { name: 'Send' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ text: 'Your invoice', attachment: { url: 'https://files.example/invoice.pdf', filename: 'invoice.pdf' } });
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove invoice.pdf' })).toBeNull());
    });

    it('lets the operator remove the file before sending', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} uploadFile={async () => ({ url: 'https://files.example/a.jpg', filename: 'photo.jpg' })} />);
      await user.upload(chooser(), file('IMG_0001.jpg', 'image/jpeg'));
      await user.click(await screen.findByRole('button', { name: 'Remove photo.jpg' }));
      await user.type(textbox(), 'No photo after all{Enter}');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).not.toHaveProperty('attachment');
    });

    it('refuses a file over the limit or of another kind before uploading it, saying why', async () => {
      const user = userEvent.setup({ applyAccept: false });
      const uploadFile = vi.fn(async () => 'https://files.example/x');
      renderWithConsole(<SendMessageForm clientId={1001} uploadFile={uploadFile} maxFileSize={2_000_000} locale={ru} />);
      const input = screen.getByLabelText(/Прикрепить файл/);
      expect(input).toHaveAccessibleDescription('До 2 МБ: фото, видео, аудио, PDF, документы');
      await user.upload(input, file('video.mp4', 'video/mp4', 2_000_001));
      expect(screen.getByRole('alert')).toHaveTextContent('video.mp4 больше 2 МБ');
      await user.upload(screen.getByLabelText(/Прикрепить файл/), file('setup.exe', 'application/x-msdownload'));
      expect(screen.getByRole('alert')).toHaveTextContent('setup.exe: такой файл прикрепить нельзя');
      expect(uploadFile).not.toHaveBeenCalled();
    });

    it('says a limit in tenths of a megabyte, with a decimal comma in Russian', () => {
      renderWithConsole(<SendMessageForm clientId={1001} uploadFile={async () => 'https://files.example/x'} maxFileSize={1_500_000} locale={ru} />);
      expect(screen.getByLabelText(/Прикрепить файл/)).toHaveAccessibleDescription('До 1,5 МБ: фото, видео, аудио, PDF, документы');
    });

    it('says why an upload failed, and another file can be picked', async () => {
      const user = userEvent.setup();
      renderWithConsole(<SendMessageForm clientId={1001} uploadFile={() => Promise.reject(new Error('storage is full'))} />);
      await user.upload(chooser(), file('a.png', 'image/png'));
      expect(await screen.findByRole('alert')).toHaveTextContent('Could not upload a.png: storage is full');
      expect(chooser()).toBeInTheDocument();
    });
  });
});
