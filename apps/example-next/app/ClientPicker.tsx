'use client';
// ClientList's onSelect is a function, and functions cannot be passed from a server component to
// a client one, so this small client component owns it: picking a client puts its id in the URL
// and the server page renders that client's history.
import { ClientList } from '@c2d-console/react';
import { usePathname, useRouter } from 'next/navigation';

/** The clients list; the selection lives in `?client=`. */
export function ClientPicker({ selectedId }: { selectedId: number | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  return <ClientList selectedId={selectedId} onSelect={(client) => router.push(`${pathname}?client=${client.id}`)} />;
}
