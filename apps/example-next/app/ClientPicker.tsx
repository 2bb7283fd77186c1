'use client';
// ClientList's onSelect is a function, and functions cannot be passed from a server component to
// a client one, so this small client component owns it: picking a client puts its id in the URL
// and the server page renders that client's history.
import { ClientList } from '@c2d-console/react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** The clients list; the selection lives in `?client=` (beside `?lang=`, which stays). */
export function ClientPicker({ selectedId }: { selectedId: number | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const open = (clientId: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('client', String(clientId));
    router.push(`${pathname}?${next}`);
  };
  return <ClientList selectedId={selectedId} onSelect={(client) => open(client.id)} />;
}
