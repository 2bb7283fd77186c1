import type { DemoLanguage, DemoStrings } from './demoStrings.ts';
import type { DemoLayout, DemoSection, DemoView } from './useUrlState.ts';
import { ViewLink } from './ViewLink.tsx';

interface CrmHeaderProps {
  mode: 'sandbox' | 'live';
  view: DemoView;
  setView: (next: Partial<DemoView>) => void;
  locale: DemoLanguage;
  onLocaleChange: (locale: DemoLanguage) => void;
  t: DemoStrings;
}

/** The CRM's header: its name, the sandbox/live badge, the section switch (Leads, Inbox), the layout and the language. */
export function CrmHeader({ mode, view, setView, locale, onLocaleChange, t }: CrmHeaderProps) {
  const sections: Array<[DemoSection, string]> = [
    ['leads', t.leads],
    ['inbox', t.inbox],
  ];
  return (
    <header className="crm-header">
      <span className="crm-logo" aria-hidden="true">◆</span>
      <h1>
        {t.crm} · {view.section === 'inbox' ? t.inbox : t.leads}
      </h1>
      <span className={`crm-badge crm-badge--${mode}`}>{mode === 'sandbox' ? t.sandbox : t.live}</span>
      <nav className="crm-sections" aria-label={t.sections}>
        {sections.map(([section, label]) => (
          <ViewLink
            key={section}
            className="crm-section-link"
            view={view}
            to={{ section }}
            onNavigate={setView}
            aria-current={view.section === section ? 'page' : undefined}
          >
            {label}
          </ViewLink>
        ))}
      </nav>
      <span className="crm-settings">
        <label className="crm-setting">
          <span>{t.layout}</span>
          <select value={view.layout} onChange={(event) => setView({ layout: event.target.value as DemoLayout })}>
            <option value="full">{t.layoutFull}</option>
            <option value="panel">{t.layoutPanel}</option>
          </select>
        </label>
        <label className="crm-setting">
          <span>{t.language}</span>
          <select value={locale} onChange={(event) => onLocaleChange(event.target.value as DemoLanguage)}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
      </span>
    </header>
  );
}
