import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';

/**
 * The "error, then Retry recovers" steps every widget shares: waits for the announced error,
 * checks it says what failed and why, lifts the fault (e.g. `server.resetHandlers()`) and
 * presses its Retry. The caller then checks what came back.
 */
export async function retryFromAlert({ title, reason, lift = () => {} }: { title: string; reason: string; lift?: () => void }): Promise<void> {
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(title);
  expect(alert).toHaveTextContent(reason);
  lift();
  await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
}
