import { MessageHistory, SendMessageForm, TransferHistory, type UploadFile } from '@c2d-console/react';
import type { DemoStrings } from './demoStrings.ts';

interface ClientHistoryProps {
  clientId: number;
  /** The inbox's dialog: its transfers rather than all of the client's. */
  dialogId?: number;
  uploadFile?: UploadFile;
  t: DemoStrings;
}

/** The transfers (of the client, or of one dialog), and the client's messages with the form to write to them. */
export function ClientHistory({ clientId, dialogId, uploadFile, t }: ClientHistoryProps) {
  return (
    <>
      <section className="crm-transfers" aria-labelledby="crm-transfers-title">
        <h2 id="crm-transfers-title">{t.transfers}</h2>
        {dialogId === undefined ? <TransferHistory clientId={clientId} /> : <TransferHistory dialogId={dialogId} />}
      </section>
      <section className="crm-messages" aria-labelledby="crm-messages-title">
        <h2 id="crm-messages-title">{t.messages}</h2>
        <MessageHistory clientId={clientId} />
        <SendMessageForm clientId={clientId} uploadFile={uploadFile} />
      </section>
    </>
  );
}
