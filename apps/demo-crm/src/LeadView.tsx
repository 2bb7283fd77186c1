import { ClientCard, ClientDialogFrame, ClientList, useClientDialog } from '@c2d-console/react';
import { ClientHistory } from './ClientHistory.tsx';
import { CrmLayout } from './CrmLayout.tsx';
import { DialogSection } from './DialogSection.tsx';
import type { SectionViewProps } from './SectionViewProps.ts';

/**
 * A CRM lead: the clients to pick from, the lead's card (the console's `ClientCard`), the
 * client's Chat2Desk dialog found through the proxy (`ClientDialogFrame`: the CRM knows its
 * client, not Chat2Desk's dialog ids), and the client's history.
 */
export function LeadView({ view, setView, uploadFile, t }: SectionViewProps) {
  const { clientId } = view;
  // The same lookup as the frame's (one request): the modes that need a dialog are off without one.
  const found = useClientDialog(clientId);
  const noDialog = found.status === 'success' && !found.dialog;

  return (
    <CrmLayout
      layout={view.layout}
      t={t}
      list={
        <nav className="crm-clients" aria-label={t.clients}>
          <ClientList selectedId={clientId} onSelect={(client) => setView({ clientId: client.id })} />
        </nav>
      }
      card={clientId === undefined ? <p className="crm-placeholder">{t.pickClient}</p> : <ClientCard clientId={clientId} headingLevel={2} />}
      dialog={
        clientId !== undefined && (
          <DialogSection mode={view.mode} onModeChange={(mode) => setView({ mode })} disabledModes={noDialog ? [2, 3] : []} t={t}>
            <ClientDialogFrame mode={view.mode} clientId={clientId} />
          </DialogSection>
        )
      }
      history={clientId !== undefined && <ClientHistory clientId={clientId} uploadFile={uploadFile} t={t} />}
    />
  );
}
