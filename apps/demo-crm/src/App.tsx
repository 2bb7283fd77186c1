import { ConsoleProvider, type ConsoleLocale } from '@c2d-console/react';
import { ru } from '@c2d-console/react/locales/ru';
import { useEffect, useState } from 'react';
import { CrmPage } from './CrmPage.tsx';
import { loadDemoConfig, type DemoConfig } from './demoConfig.ts';
import type { DemoLanguage } from './demoStrings.ts';

/** The console's language pack for each of the demo's languages (English is built in). */
const CONSOLE_LOCALES: Record<DemoLanguage, ConsoleLocale | undefined> = { en: undefined, ru };

/** The demo CRM: one `ConsoleProvider` around the page, as a host app would set it up. */
export function App() {
  const [config, setConfig] = useState<DemoConfig | null>(null);
  const [locale, setLocale] = useState<DemoLanguage>(() =>
    new URLSearchParams(window.location.search).get('lang') === 'ru' ? 'ru' : 'en',
  );

  useEffect(() => {
    void loadDemoConfig().then(setConfig);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!config) return null;
  return (
    <ConsoleProvider
      apiUrl={config.apiUrl}
      frameHost={config.frameHost}
      locale={CONSOLE_LOCALES[locale]}
      getAuthToken={config.authToken ? () => config.authToken : undefined}
    >
      <CrmPage config={config} locale={locale} onLocaleChange={setLocale} />
    </ConsoleProvider>
  );
}
