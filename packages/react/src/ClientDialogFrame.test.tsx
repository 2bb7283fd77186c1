import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ClientDialogFrame } from './ClientDialogFrame.js';
import { failOnce } from './test/handlers.js';
import { renderHookWithConsole, renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { useClientDialog } from './useClientDialog.js';

const { server, requests } = setupConsoleServer();
const HOST = 'https://web.chat2desk.kz';

describe('useClientDialog', () => {
  it('finds a client’s current dialog by id', async () => {
    const { result } = renderHookWithConsole(() => useClientDialog(1001));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.dialog).toMatchObject({ id: 51_001, clientId: 1001 });
    expect(requests.map((url) => url.pathname)).toEqual(['/clients/1001/dialog']);
  });

  it('finds the client by the digits of a phone first, preferring the exact number', async () => {
    const { result } = renderHookWithConsole(() => useClientDialog({ phone: '+7 701 100-00-07' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current).toMatchObject({ clientId: 1001, dialog: { id: 51_001 } });
    expect(requests[0]?.searchParams.get('phone')).toBe('77011000007');
  });

  it('answers null, not an error, for a client without a dialog and for a phone nobody has', async () => {
    const noDialog = renderHookWithConsole(() => useClientDialog(1012));
    const nobody = renderHookWithConsole(() => useClientDialog({ phone: '+1 555 0100' }));
    await waitFor(() => expect(noDialog.result.current).toMatchObject({ status: 'success', dialog: null, clientNotFound: false }));
    await waitFor(() => expect(nobody.result.current).toMatchObject({ status: 'success', dialog: null, clientNotFound: true }));
  });

  it('stays idle without a target, and never searches with a phone that has no digits', async () => {
    const idle = renderHookWithConsole(() => useClientDialog(undefined));
    const blank = renderHookWithConsole(() => useClientDialog({ phone: 'n/a' }));
    expect(idle.result.current.status).toBe('idle');
    expect(blank.result.current).toMatchObject({ status: 'success', dialog: null, clientNotFound: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(0);
  });
});

describe('ClientDialogFrame', () => {
  it('shows the client’s dialog in the frame once found', async () => {
    renderWithConsole(<ClientDialogFrame host={HOST} mode={2} clientId={1001} />);
    expect(screen.getByRole('status')).toHaveTextContent('Finding the client’s dialog…');
    const frame = await screen.findByTitle('Chat2Desk dialog 51001');
    expect(frame).toHaveAttribute('src', `${HOST}/chat/all?dialogID=51001&minifiedView=2`);
  });

  it('says so when the client has no dialog, or no client has the phone', async () => {
    const { unmount } = renderWithConsole(<ClientDialogFrame mode={2} clientId={1012} />);
    expect(await screen.findByText('No dialog with this client yet')).toBeInTheDocument();
    unmount();
    renderWithConsole(<ClientDialogFrame mode={2} phone="15550100" />);
    expect(await screen.findByText('No client has the phone +15550100')).toBeInTheDocument();
  });

  it('shows a failure with Retry', async () => {
    server.use(failOnce('get', `${TEST_API_URL}/clients/:id/dialog`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    renderWithConsole(<ClientDialogFrame mode={2} clientId={1001} />);
    await retryFromAlert({ title: 'Could not find the client’s dialog', reason: 'Chat2Desk did not answer in time' });
    expect(await screen.findByTitle('Chat2Desk dialog 51001')).toBeInTheDocument();
  });

  it.each([
    ['both a client and a phone', { clientId: 1001, phone: '77011000007' }],
    ['neither', {}],
    ['a client id that is not a positive integer', { clientId: 0 }],
  ])('renders an inline error for %s, and tells onError', (_case, props) => {
    const onError = vi.fn();
    renderWithConsole(<ClientDialogFrame mode={2} {...props} onError={onError} />);
    expect(screen.getByRole('alert')).toHaveTextContent('either a clientId (a positive integer) or a phone, not both');
    expect(onError).toHaveBeenCalledWith({ reason: 'config', message: expect.stringContaining('clientId') });
    expect(requests).toHaveLength(0);
  });
});
