import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar, avatarColor, initialsOf } from './Avatar.js';
import { makeClient } from './test/fixtures.js';

describe('Avatar', () => {
  it('takes initials from the first and last words that start with a letter', () => {
    expect(initialsOf('анна мария иванова')).toBe('АИ');
    expect(initialsOf('Sofia (VIP)')).toBe('S');
    expect(initialsOf('+7 701 234-56-78')).toBe('#');
  });

  it('gives a client the same colour every time and spreads neighbours over the palette', () => {
    expect(avatarColor(1234)).toBe(avatarColor(1234));
    expect(new Set(Array.from({ length: 10 }, (_, i) => avatarColor(1000 + i))).size).toBeGreaterThan(5);
  });

  it('shows the picture when there is one, and initials when it fails to load', () => {
    const client = makeClient(2, { avatar: 'https://cdn.example/a.png' });
    const { container } = render(<Avatar client={client} name="Анна Иванова" />);
    const img = container.querySelector('img');
    expect(img).toHaveAttribute('src', 'https://cdn.example/a.png');
    fireEvent.error(img!);
    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('АИ');
  });
});
