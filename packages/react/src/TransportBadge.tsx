import type { Transport } from '@c2d-console/core';
import type { ReactElement } from 'react';

const LABELS: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  viber: 'Viber',
  vk: 'VK',
  instagram: 'Instagram',
  facebook: 'Facebook',
  sms: 'SMS',
  email: 'Email',
  widget: 'Web chat',
};

/** The messenger's display name: `whatsapp` → "WhatsApp"; unknown ones are capitalized. */
export function transportLabel(transport: Transport): string {
  return LABELS[transport] ?? (transport ? transport.charAt(0).toUpperCase() + transport.slice(1) : '');
}

/** A small text badge naming the messenger a message went through (colour is never the only cue). */
export function TransportBadge({ transport }: { transport: Transport }): ReactElement | null {
  if (!transport) return null;
  const known = transport in LABELS ? transport : 'other';
  return <span className={`c2d-badge c2d-badge--${known}`}>{transportLabel(transport)}</span>;
}
