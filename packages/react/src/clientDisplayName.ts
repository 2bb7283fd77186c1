import type { Client } from '@c2d-console/core';
import { formatPhone } from './formatPhone.js';

/**
 * The name an operator knows a client by, as Chat2Desk shows it: the operator-assigned name,
 * then the client's own, then the phone, then the id.
 */
export function clientDisplayName(client: Pick<Client, 'id' | 'name' | 'assignedName' | 'phone'>): string {
  return (
    client.assignedName?.trim() ||
    client.name?.trim() ||
    (client.phone ? formatPhone(client.phone) : '') ||
    `#${client.id}`
  );
}
