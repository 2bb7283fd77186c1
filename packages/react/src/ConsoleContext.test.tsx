import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useStrings } from './ConsoleContext.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { ConsoleProvider } from './ConsoleProvider.js';
import { ru } from './locales/ru.js';
import { stateStrings } from './stateStrings.js';
import { en } from './strings.js';

const withProvider = (locale: ConsoleLocale | undefined) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <ConsoleProvider apiUrl="/api" locale={locale} events={false}>
        {children}
      </ConsoleProvider>
    );
  };

describe('useStrings', () => {
  it("speaks the widget's own English group with no pack anywhere, in a provider or outside one", () => {
    expect(renderHook(() => useStrings(stateStrings)).result.current).toBe(stateStrings);
    expect(renderHook(() => useStrings(stateStrings), { wrapper: withProvider(undefined) }).result.current.retry).toBe('Retry');
  });

  it("speaks the provider's pack, and a widget's own pack over it", () => {
    expect(renderHook(() => useStrings(stateStrings), { wrapper: withProvider(ru) }).result.current.retry).toBe('Повторить');
    const own = renderHook(() => useStrings(stateStrings, en), { wrapper: withProvider(ru) });
    expect(own.result.current.retry).toBe('Retry');
  });

  it('refuses a language name in place of a pack, saying which pack to import', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const named = 'ru' as unknown as ConsoleLocale;
    expect(() => renderHook(() => useStrings(stateStrings), { wrapper: withProvider(named) })).toThrow(
      /locale="ru" is not a language pack.*import \{ ru \} from '@c2d-console\/react\/locales\/ru'/,
    );
    expect(() => renderHook(() => useStrings(stateStrings, named))).toThrow(/locale=\{ru\}/);
  });
});
