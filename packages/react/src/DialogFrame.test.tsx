import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialogFrame, DIALOG_FRAME_REFERRER_POLICY, type DialogFrameProps } from './DialogFrame.js';
import { ru } from './locales/ru.js';

const KZ = 'https://web.chat2desk.kz';

afterEach(() => {
  vi.useRealTimers();
});

describe('DialogFrame', () => {
  it.each([1, 2, 3] as const)('points the frame at the documented URL of mode %i', (mode) => {
    render(<DialogFrame host={KZ} mode={mode} dialogId={63} />);
    const frame = screen.getByTitle('Chat2Desk dialog 63');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', `${KZ}/chat/all?dialogID=63&minifiedView=${mode}`);
    expect(frame).toHaveAttribute('referrerpolicy', DIALOG_FRAME_REFERRER_POLICY);
    expect(frame.getAttribute('allow')).toContain('clipboard-write');
    // The frame may run Chat2Desk but never navigate the CRM page away.
    expect(frame.getAttribute('sandbox')).toContain('allow-scripts');
    expect(frame.getAttribute('sandbox')).not.toContain('allow-top-navigation');
  });

  it('shows a loading state until the frame loads, then calls onLoad', () => {
    const onLoad = vi.fn();
    render(<DialogFrame mode={2} dialogId={5} onLoad={onLoad} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading Chat2Desk');
    fireEvent.load(screen.getByTitle('Chat2Desk dialog 5'));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(onLoad).toHaveBeenCalledTimes(1);
  });

  it('offers to open the dialog in a new tab when the frame does not load in time', () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    render(<DialogFrame host={KZ} mode={3} dialogId={63} loadTimeoutMs={1000} onError={onError} />);
    act(() => vi.advanceTimersByTime(999));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/log in to Chat2Desk|third-party cookies/);
    const link = screen.getByRole('link', { name: 'Open in Chat2Desk' });
    expect(link).toHaveAttribute('href', `${KZ}/chat/all?dialogID=63&minifiedView=3`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(onError).toHaveBeenCalledWith({
      reason: 'timeout',
      message: expect.any(String),
      url: `${KZ}/chat/all?dialogID=63&minifiedView=3`,
    });
  });

  it('keeps "Open in Chat2Desk" in its toolbar while loading and once loaded (a login page inside counts as loaded)', () => {
    render(<DialogFrame host={KZ} mode={2} dialogId={63} />);
    const toolbarLink = () => screen.getByRole('link', { name: 'Open in Chat2Desk (new tab)' });
    expect(toolbarLink()).toHaveAttribute('href', `${KZ}/chat/all?dialogID=63&minifiedView=2`);
    expect(toolbarLink()).toHaveAttribute('target', '_blank');
    expect(toolbarLink()).toHaveAttribute('rel', 'noopener noreferrer');
    fireEvent.load(screen.getByTitle('Chat2Desk dialog 63'));
    expect(toolbarLink()).toBeVisible();
  });

  it('puts the host’s toolbar content before the link, also when the props are invalid', () => {
    const { rerender } = render(<DialogFrame mode={2} dialogId={63} toolbar={<button type="button">Mode</button>} />);
    const bar = screen.getByRole('button', { name: 'Mode' }).parentElement!;
    expect([...bar.children].map((child) => child.tagName)).toEqual(['BUTTON', 'A']);
    rerender(<DialogFrame mode={2} toolbar={<button type="button">Mode</button>} />);
    expect(screen.getByRole('button', { name: 'Mode' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('needs a dialogId');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('retries after a timeout with a fresh frame and waits again', () => {
    vi.useFakeTimers();
    render(<DialogFrame mode={2} dialogId={8} loadTimeoutMs={500} />);
    act(() => vi.advanceTimersByTime(500));
    const before = screen.getByTitle('Chat2Desk dialog 8');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();
    expect(screen.getByTitle('Chat2Desk dialog 8')).not.toBe(before);
  });

  it('hides the fallback when a late load arrives', () => {
    vi.useFakeTimers();
    render(<DialogFrame mode={2} dialogId={8} loadTimeoutMs={500} />);
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    fireEvent.load(screen.getByTitle('Chat2Desk dialog 8'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('swaps the frame when the dialog or mode changes', () => {
    const { rerender } = render(<DialogFrame mode={2} dialogId={1} />);
    const first = screen.getByTitle('Chat2Desk dialog 1');
    fireEvent.load(first);
    rerender(<DialogFrame mode={2} dialogId={2} />);
    const second = screen.getByTitle('Chat2Desk dialog 2');
    expect(second).not.toBe(first);
    expect(second).toHaveAttribute('src', expect.stringContaining('dialogID=2&minifiedView=2'));
    expect(screen.getByRole('status')).toBeInTheDocument();
    rerender(<DialogFrame mode={3} dialogId={2} />);
    expect(screen.getByTitle('Chat2Desk dialog 2')).toHaveAttribute('src', expect.stringContaining('minifiedView=3'));
  });

  it.each([
    [{ mode: 2 }, 'mode 2 needs a dialogId'],
    [{ mode: 1, dialogId: -4 }, 'dialogId must be a positive integer'],
    [{ mode: 7, dialogId: 1 }, 'mode must be 1'],
    [{ mode: 1, host: 'javascript:alert(1)' }, 'must use https:'],
  ])('renders an inline error for invalid props %j', (props, message) => {
    const onError = vi.fn();
    render(<DialogFrame {...(props as unknown as DialogFrameProps)} onError={onError} />);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(document.querySelector('iframe')).toBeNull();
    expect(onError).toHaveBeenCalledWith({ reason: 'config', message: expect.stringContaining(message) });
  });

  it('speaks Russian', () => {
    render(<DialogFrame mode={2} dialogId={3} locale={ru} />);
    expect(screen.getByTitle('Диалог Chat2Desk 3')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Загружаем');
  });

  it('uses a custom title and className', () => {
    const { container } = render(<DialogFrame mode={1} title="Support chat" className="crm-frame" />);
    expect(screen.getByTitle('Support chat')).toHaveAttribute(
      'src',
      'https://web.chat2desk.com/chat/all?minifiedView=1',
    );
    expect(container.firstElementChild).toHaveClass('crm-frame', 'c2d-dialog-frame');
  });
});
