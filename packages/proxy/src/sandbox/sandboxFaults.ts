/**
 * Faults the fake Chat2Desk can be switched into (`createProxy({ sandbox: { faults } })`,
 * `C2D_SANDBOX_FAULTS=quota,bad-token`), so every error state of the console can be seen
 * offline, in the demo and in stories: the API's error bodies are Chat2Desk's own, at HTTP 200;
 * `login` leaves the API alone and turns the web UI (`/chat/`) into Chat2Desk's sign-in page.
 * Kept free of imports: the proxy checks its options against this list without loading the sandbox.
 */
export const SANDBOX_FAULTS = ['quota', 'rate-limit', 'bad-token', 'slow', 'login'] as const;

/** One of {@link SANDBOX_FAULTS}. */
export type SandboxFault = (typeof SANDBOX_FAULTS)[number];

/** What each fault answers (the first that applies wins: a bad token is refused before anything is counted). */
export const FAULT_ANSWERS = {
  'bad-token': { status: 'error', message: 'Token is not correct' },
  quota: { status: 'error', message: 'API calls exceeded API limit per month' },
  'rate-limit': { status: 'error', message: 'Number of API requests exceeded' },
} as const;

/** How long every answer waits with the `slow` fault. */
export const SLOW_FAULT_MS = 3000;

/** Whether `value` names a fault. */
export function isSandboxFault(value: string): value is SandboxFault {
  return (SANDBOX_FAULTS as readonly string[]).includes(value);
}
