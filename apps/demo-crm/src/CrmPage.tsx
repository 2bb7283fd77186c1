import type { Locale } from '@c2d-console/react';
import {
  ClientList,
  DialogFrame,
  DialogModeSwitch,
  MessageHistory,
  SendMessageForm,
  TransferHistory,
} from '@c2d-console/react';
import { ClientCard } from './ClientCard.tsx';
import { demoStrings } from './demoStrings.ts';
import { useClientDialogId } from './useClientDialogId.ts';
import { useUrlState } from './useUrlState.ts';

interface CrmPageProps {
  mode: 'sandbox' | 'live';
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
}

/** A CRM lead view: clients on the left, the lead's card and Chat2Desk dialog in the middle, history on the right. */
export function CrmPage({ mode, locale, onLocaleChange }: CrmPageProps) {
  const [view, setView] = useUrlState();
  const dialog = useClientDialogId(view.clientId);
  const dialogId = dialog.data ?? undefined;
  const t = demoStrings[locale];

  return (
    <div className="crm">
      <header className="crm-header">
        <span className="crm-logo" aria-hidden="true">◆</span>
        <h1>{t.title}</h1>
        <span className={`crm-badge crm-badge--${mode}`}>{mode === 'sandbox' ? t.sandbox : t.live}</span>
        <label className="crm-locale">
          <span>{t.language}</span>
          <select value={locale} onChange={(event) => onLocaleChange(event.target.value as Locale)}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
      </header>

      <nav className="crm-clients" aria-label={t.clients}>
        <ClientList selectedId={view.clientId} onSelect={(client) => setView({ clientId: client.id })} />
      </nav>

      <main className="crm-main">
        {view.clientId === undefined ? (
          <p className="crm-placeholder">{t.pickClient}</p>
        ) : (
          <>
            <ClientCard clientId={view.clientId} locale={locale} />
            <section className="crm-dialog" aria-label={t.dialog}>
              <div className="crm-dialog-bar">
                <h2>{t.dialog}</h2>
                <DialogModeSwitch
                  value={view.mode}
                  onChange={(next) => setView({ mode: next })}
                  disabledModes={dialogId === undefined ? [2, 3] : []}
                />
              </div>
              {dialog.isPending ? (
                <p className="crm-placeholder" role="status">{t.loadingDialog}</p>
              ) : (
                <DialogFrame mode={dialogId === undefined ? 1 : view.mode} dialogId={dialogId} />
              )}
            </section>
          </>
        )}
      </main>

      <aside className="crm-side" aria-label={t.history}>
        {view.clientId !== undefined && (
          <>
            <section className="crm-transfers" aria-labelledby="crm-transfers-title">
              <h2 id="crm-transfers-title">{t.transfers}</h2>
              <TransferHistory clientId={view.clientId} />

            </section>
            <section className="crm-messages" aria-labelledby="crm-messages-title">
              <h2 id="crm-messages-title">{t.messages}</h2>
              <MessageHistory clientId={view.clientId} />
              <SendMessageForm clientId={view.clientId} />

            </section>
          </>
        )}
      </aside>
    </div>
  );
}
