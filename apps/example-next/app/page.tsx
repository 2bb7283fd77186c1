// A server component. It renders the console's widgets straight from @c2d-console/react: the
// package's bundle starts with "use client", so Next.js treats them as client components and no
// wrapper file is needed. Only props that cross to the browser as data can be passed from here
// (ids, strings), so the one widget that takes a callback, ClientList's onSelect, lives in
// ClientPicker, a client component of this app. A language pack is the exception: its module is
// client code too, so `ru` crosses to the browser as a reference, functions and all.
import { ConsoleProvider, MessageHistory, SendMessageForm, TransferHistory } from '@c2d-console/react';
import { ru } from '@c2d-console/react/locales/ru';
import { ClientPicker } from './ClientPicker';

interface PageProps {
  searchParams: Promise<{ client?: string; lang?: string }>;
}

/** The selected client's id from `?client=`, when it is one. */
function clientIdFrom(value: string | undefined): number | undefined {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default async function Page({ searchParams }: PageProps) {
  const { client, lang } = await searchParams;
  const clientId = clientIdFrom(client);
  // English is built in; `?lang=ru` shows the console in Russian.
  return (
    <ConsoleProvider apiUrl="/api/c2d" locale={lang === 'ru' ? ru : undefined}>
      <div className="example">
        <h1>Support console</h1>
        <nav aria-label="Clients">
          <ClientPicker selectedId={clientId} />
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
