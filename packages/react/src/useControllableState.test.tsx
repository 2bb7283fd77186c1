import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useControllableState, type UseControllableStateOptions } from './useControllableState.js';

const renderState = (initialProps: UseControllableStateOptions<string>) =>
  renderHook((props: UseControllableStateOptions<string>) => useControllableState(props), { initialProps });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useControllableState', () => {
  it('keeps its own value when uncontrolled, starting from the default, and reports each change', () => {
    const onChange = vi.fn();
    const { result } = renderState({ prop: undefined, defaultProp: 'a', onChange, caller: 'Test' });
    expect(result.current[0]).toBe('a');
    act(() => result.current[1]('b'));
    expect(result.current[0]).toBe('b');
    expect(onChange).toHaveBeenCalledExactlyOnceWith('b');
  });

  it("shows the host's value when controlled: a change is only reported until the host passes it back", () => {
    const onChange = vi.fn();
    const { result, rerender } = renderState({ prop: 'host', defaultProp: '', onChange, caller: 'Test' });
    act(() => result.current[1]('typed'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('typed');
    expect(result.current[0]).toBe('host');
    rerender({ prop: 'typed', defaultProp: '', onChange, caller: 'Test' });
    expect(result.current[0]).toBe('typed');
  });

  it('does not report setting the value it already has', () => {
    const onChange = vi.fn();
    const { result } = renderState({ prop: undefined, defaultProp: 'same', onChange, caller: 'Test' });
    act(() => result.current[1]('same'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('warns in development when a component switches from uncontrolled to controlled, naming it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = renderState({ prop: undefined, defaultProp: '', caller: 'ClientList search' });
    expect(warn).not.toHaveBeenCalled();
    rerender({ prop: 'now controlled', defaultProp: '', caller: 'ClientList search' });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('ClientList search is changing from uncontrolled to controlled');
  });

  it('warns in development when a component switches from controlled to uncontrolled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = renderState({ prop: 'x', defaultProp: '', caller: 'Test' });
    rerender({ prop: undefined, defaultProp: '', caller: 'Test' });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('Test is changing from controlled to uncontrolled');
  });
});
