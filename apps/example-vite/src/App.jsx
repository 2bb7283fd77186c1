import { ClientList, ConsoleProvider, MessageHistory, SendMessageForm, TransferHistory } from '@c2d-console/react';
import { useState } from 'react';

/** The clients on the left; the picked client's messages, a reply box and transfers beside them. */
export function App() {
  const [clientId, setClientId] = useState();
  return (
    // The proxy is on this page's own server (server.mjs), under /api/c2d.
    <ConsoleProvider apiUrl="/api/c2d">
      <div className="example">
        <h1>Support console</h1>
        <nav aria-label="Clients">
          <ClientList selectedId={clientId} onSelect={(client) => setClientId(client.id)} />
        </nav>
        {clientId === undefined ? (
          <p className="placeholder">Pick a client to see the conversation.</p>
        ) : (
          <>
            <main aria-labelledby="messages-title">
              <h2 id="messages-title">Messages</h2>
              <MessageHistory clientId={clientId} />
              <SendMessageForm clientId={clientId} />
            </main>
            <aside aria-labelledby="transfers-title">
              <h2 id="transfers-title">Transfers</h2>
              <TransferHistory clientId={clientId} />
            </aside>
          </>
        )}
      </div>
    </ConsoleProvider>
  );
}
