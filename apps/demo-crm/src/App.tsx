import type { Locale } from '@c2d-console/react';
import { ConsoleProvider } from '@c2d-console/react';
import { useEffect, useState } from 'react';
import { CrmPage } from './CrmPage.tsx';
import { loadDemoConfig, type DemoConfig } from './demoConfig.ts';

/** The demo CRM: one `ConsoleProvider` around the page, as a host app would set it up. */
export function App() {
  const [config, setConfig] = useState<DemoConfig | null>(null);
  const [locale, setLocale] = useState<Locale>(() =>
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
      locale={locale}
      getAuthToken={config.authToken ? () => config.authToken : undefined}
    >
      <CrmPage config={config} locale={locale} onLocaleChange={setLocale} />
    </ConsoleProvider>
  );
}
