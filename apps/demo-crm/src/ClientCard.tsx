import { useClient, useFormatters } from '@c2d-console/react';
import { demoStrings, type DemoLanguage } from './demoStrings.ts';

/** The CRM's card of the selected lead: what a CRM shows next to the conversation. */
export function ClientCard({ clientId, locale }: { clientId: number; locale: DemoLanguage }) {
  const { data: client, isPending, error, refetch } = useClient(clientId);
  const format = useFormatters();
  const t = demoStrings[locale];

  if (isPending) return <section className="crm-card" aria-busy="true" aria-label={t.card} />;
  if (error || !client) {
    return (
      <section className="crm-card" aria-label={t.card}>
        <p role="alert">
          {error?.message ?? t.notFound}{' '}
          <button type="button" onClick={() => void refetch()}>
            {t.retry}
          </button>
        </p>
      </section>
    );
  }
  const fields: Array<[string, string | null]> = [
    [t.phone, client.phone ? `+${client.phone}` : null],
    [t.crmId, client.externalId],
    [t.firstContact, client.firstClientMessage && format.dateTime(client.firstClientMessage)],
    [t.lastMessage, client.lastClientMessage && format.relative(client.lastClientMessage)],
    [t.comment, client.comment],
    [t.notes, [client.extraComment1, client.extraComment2, client.extraComment3].filter(Boolean).join(' · ') || null],
  ];
  return (
    <section className="crm-card" aria-labelledby="crm-card-title">
      <h2 id="crm-card-title">{client.assignedName ?? client.name ?? client.phone ?? `#${client.id}`}</h2>
      {client.assignedName && client.name && <p className="crm-card-sub">{client.name}</p>}
      <dl>
        {fields
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
