import type { Client } from '@c2d-console/core';
import { useState, type ReactElement } from 'react';

/**
 * The same client always gets the same colour, in every list and session: a hue of its own at a
 * saturation and lightness that keep white text above 4.5:1 contrast for every hue (WCAG AA; the
 * yellows, the lightest, are at 5:1).
 */
export function avatarColor(id: number): string {
  // Knuth's multiplicative hash spreads consecutive ids around the colour wheel.
  return `hsl(${(Math.imul(id, 2654435761) >>> 0) % 360} 50% 30%)`;
}

/** Up to two initials from the words of a name that start with a letter ("Анна Иванова" → "АИ"), else "#". */
export function initialsOf(name: string): string {
  // A letter at the start of the name or after a space.
  const letters = name.match(/(?<!\S)\p{L}/gu);
  return letters ? (letters[0]! + (letters.length > 1 ? letters.at(-1) : '')).toUpperCase() : '#';
}

/** A client's picture, or their initials on a colour of their own when there is none (or it fails). */
export function Avatar({ client, name }: { client: Client; name: string }): ReactElement {
  const [failed, setFailed] = useState<string | null>(null);
  const src = client.avatar && failed !== client.avatar ? client.avatar : null;
  // Decorative: the row beside it already says the name.
  return src ? (
    <img className="c2d-avatar" src={src} alt="" loading="lazy" onError={() => setFailed(src)} />
  ) : (
    <span className="c2d-avatar" aria-hidden="true" style={{ backgroundColor: avatarColor(client.id) }}>
      {initialsOf(name)}
    </span>
  );
}
