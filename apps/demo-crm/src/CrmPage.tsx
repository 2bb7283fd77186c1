import {
  ClientList,
  DialogFrame,
  DialogModeSwitch,
  MessageHistory,
  SendMessageForm,
  TransferHistory,
} from '@c2d-console/react';
import type { ReactElement } from 'react';
import { ClientCard } from './ClientCard.tsx';
import { demoStrings, type DemoLanguage } from './demoStrings.ts';
import { useClientDialogId } from './useClientDialogId.ts';
import { useUnreadTitle } from './useUnreadTitle.ts';
import { useUrlState, type DemoLayout } from './useUrlState.ts';

interface CrmPageProps {
  mode: 'sandbox' | 'live';
  locale: DemoLanguage;
  onLocaleChange: (locale: DemoLanguage) => void;
}

type Strings = (typeof demoStrings)[DemoLanguage];

/**
 * A CRM lead view, in one of two layouts (`?layout=panel`):
 * - full page: clients on the left, the lead's card and Chat2Desk dialog in the middle, history
 *   on the right; two columns, then one, as the screen narrows;
 * - side panel: the CRM's own record (clients and the card) with the console in a 360 px panel
 *   beside it, the way a CRM that embeds widgets in a sidebar shows it.
 */
export function CrmPage({ mode, locale, onLocaleChange }: CrmPageProps) {
  const [view, setView] = useUrlState();
  useUnreadTitle();
  const dialog = useClientDialogId(view.clientId);
  const dialogId = dialog.data ?? undefined;
  const t = demoStrings[locale];
  const clientId = view.clientId;

  const header = (
    <header className="crm-header">
      <span className="crm-logo" aria-hidden="true">◆</span>
      <h1>{t.title}</h1>
      <span className={`crm-badge crm-badge--${mode}`}>{mode === 'sandbox' ? t.sandbox : t.live}</span>
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
  const clients = (
    <nav className="crm-clients" aria-label={t.clients}>
      <ClientList selectedId={clientId} onSelect={(client) => setView({ clientId: client.id })} />
    </nav>
  );
  const card = clientId === undefined ? <p className="crm-placeholder">{t.pickClient}</p> : <ClientCard clientId={clientId} locale={locale} />;
  const dialogSection = clientId !== undefined && (
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
  );
  const history = clientId !== undefined && <History clientId={clientId} t={t} />;

  if (view.layout === 'panel') {
    return (
      <div className="crm crm--panel">
        {header}
        <main className="crm-record">
          {clients}
          <div className="crm-record-card">{card}</div>
        </main>
        <aside className="crm-panel" aria-label={t.console}>
          {dialogSection}
          {history}
        </aside>
      </div>
    );
  }
  return (
    <div className="crm crm--full">
      {header}
      {clients}
      <main className="crm-main">
        {card}
        {dialogSection}
      </main>
      <aside className="crm-side" aria-label={t.history}>
        {history}
      </aside>
    </div>
  );
}

/** The client's transfers, and their messages with the form to write to them. */
function History({ clientId, t }: { clientId: number; t: Strings }): ReactElement {
  return (
    <>
      <section className="crm-transfers" aria-labelledby="crm-transfers-title">
        <h2 id="crm-transfers-title">{t.transfers}</h2>
        <TransferHistory clientId={clientId} />
      </section>
      <section className="crm-messages" aria-labelledby="crm-messages-title">
        <h2 id="crm-messages-title">{t.messages}</h2>
        <MessageHistory clientId={clientId} />
        <SendMessageForm clientId={clientId} />
      </section>
    </>
  );
}
