import { useMemo } from 'react';
import { CrmHeader } from './CrmHeader.tsx';
import type { DemoConfig } from './demoConfig.ts';
import { demoStrings, type DemoLanguage } from './demoStrings.ts';
import { InboxView } from './InboxView.tsx';
import { LeadView } from './LeadView.tsx';
import { createSandboxUpload } from './sandboxUpload.ts';
import { useUnreadTitle } from './useUnreadTitle.ts';
import { useUrlState } from './useUrlState.ts';

interface CrmPageProps {
  config: DemoConfig;
  locale: DemoLanguage;
  onLocaleChange: (locale: DemoLanguage) => void;
}

/**
 * The CRM page: its header with the section switch, then the leads (`LeadView`) or the
 * operator's inbox (`InboxView`), as the URL says (`?section=inbox`), in the full-page or
 * side-panel layout (`?layout=panel`).
 */
export function CrmPage({ config, locale, onLocaleChange }: CrmPageProps) {
  const [view, setView] = useUrlState();
  useUnreadTitle();
  const t = demoStrings[locale];
  // Files go where the demo server says: the sandbox's in-memory store (none in live mode here).
  const uploadFile = useMemo(() => (config.uploadUrl ? createSandboxUpload(config.uploadUrl) : undefined), [config.uploadUrl]);

  const props = { view, setView, uploadFile, t };
  // The header stays mounted across sections, so the switch keeps the keyboard's focus.
  return (
    <div className={`crm crm--${view.layout} crm--${view.section}`}>
      <CrmHeader mode={config.mode} view={view} setView={setView} locale={locale} onLocaleChange={onLocaleChange} t={t} />
      {view.section === 'inbox' ? <InboxView {...props} /> : <LeadView {...props} />}
    </div>
  );
}
