import type { ClientsParams } from '@c2d-console/core';

/**
 * Turns what an operator typed into the proxy's client search: text made only of digits (with
 * the `+`, spaces, dashes and brackets people type in phone numbers) searches by `phone` digits,
 * anything else by `q`. Blank text searches nothing.
 */
export function parseClientSearch(text: string): Pick<ClientsParams, 'q' | 'phone'> {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (/^\+?[\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed)) {
    return { phone: trimmed.replace(/\D/g, '') };
  }
  return { q: trimmed };
}
