import type { Transport } from '@c2d-console/core';
import type { ReactElement } from 'react';

/** Names that are not the id capitalized. */
const LABELS: Record<string, string> = { whatsapp: 'WhatsApp', vk: 'VK', sms: 'SMS', widget: 'Web chat' };

/** The messenger's display name: `whatsapp` → "WhatsApp", `telegram` → "Telegram" (any other id capitalized). */
export function transportLabel(transport: Transport): string {
  return LABELS[transport] ?? transport.charAt(0).toUpperCase() + transport.slice(1);
}

/**
 * A small text badge naming the messenger a message went through, bordered in its colour where
 * the stylesheet knows it (colour is never the only cue).
 */
export function TransportBadge({ transport }: { transport: Transport }): ReactElement | null {
  return transport ? <span className={`c2d-badge c2d-badge--${transport}`}>{transportLabel(transport)}</span> : null;
}
