import { ClientCard, consoleQueries, DialogActions, DialogFrame, DialogList, useClientActivity, useConsoleClient } from '@c2d-console/react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { ClientHistory } from './ClientHistory.tsx';
import { CrmLayout } from './CrmLayout.tsx';
import { DialogSection } from './DialogSection.tsx';
import type { SectionViewProps } from './SectionViewProps.ts';
import { ViewLink } from './ViewLink.tsx';

/**
 * The operator's inbox: the dialogs to work through (`DialogList`, with unread badges from the
 * console's event stream); the picked dialog's client (`ClientCard`), what to do with it
 * (`DialogActions`: transfer, close, reopen) over its Chat2Desk frame, its transfers and the
 * client's messages with the form (replies, notes, quick replies, files).
 */
export function InboxView({ view, setView, uploadFile, t }: SectionViewProps) {
  const { dialogId } = view;
  const api = useConsoleClient();
  // The same query as DialogActions' (one request): whose dialog it is.
  const dialog = useQuery(consoleQueries.dialog(api, dialogId));
  const clientId = dialog.data?.clientId ?? undefined;
  const { activity } = useClientActivity();
  const unreadCounts = useMemo(() => Object.fromEntries([...activity].map(([id, client]) => [id, client.unread])), [activity]);
  // The frame is loaded again after an action: the CRM's page shows the dialog as it is now.
  // (Chat2Desk's own web UI follows changes by itself; the sandbox's fake one does not.)
  const [frameLoads, setFrameLoads] = useState(0);

  let card: ReactNode;
  if (dialogId === undefined) card = <p className="crm-placeholder">{t.pickDialog}</p>;
  else if (clientId !== undefined) {
    card = (
      <ClientCard clientId={clientId} headingLevel={2}>
        <ViewLink className="crm-card-link" view={view} to={{ section: 'leads', clientId }} onNavigate={setView}>
          {t.openLead}
        </ViewLink>
      </ClientCard>
    );
  } else if (dialog.isSuccess) card = <p className="crm-placeholder">{t.dialogWithoutClient}</p>;

  return (
    <CrmLayout
      layout={view.layout}
      t={t}
      list={
        <nav className="crm-clients" aria-label={t.dialogs}>
          <DialogList selectedId={dialogId} onSelect={(picked) => setView({ dialogId: picked.id })} unreadCounts={unreadCounts} />
        </nav>
      }
      card={card}
      dialog={
        dialogId !== undefined && (
          <DialogSection
            mode={view.mode}
            onModeChange={(mode) => setView({ mode })}
            actions={<DialogActions dialogId={dialogId} onDone={() => setFrameLoads((loads) => loads + 1)} />}
            t={t}
          >
            <DialogFrame key={`${dialogId}:${frameLoads}`} mode={view.mode} dialogId={dialogId} />
          </DialogSection>
        )
      }
      history={clientId !== undefined && <ClientHistory clientId={clientId} dialogId={dialogId} uploadFile={uploadFile} t={t} />}
    />
  );
}
