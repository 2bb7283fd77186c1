import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MessageHistory } from './MessageHistory.js';
import { SendMessageForm } from './SendMessageForm.js';
import { failOnce as failOnceHandler } from './test/handlers.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';

const baseUrl = TEST_API_URL;
/** `sent`: the body of every POST /messages the form sent. */
const { server, sent } = setupConsoleServer();

const textbox = () => screen.getByRole('textbox', { name: 'Message' });
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
});
