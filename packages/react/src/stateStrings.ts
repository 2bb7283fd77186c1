/** Strings of the states every widget shares (`ErrorState`). */
export interface StateStrings {
  retry: string;
  /** Chat2Desk's monthly API quota is used up (`upstream_quota`): who can fix it. */
  upstreamQuota: string;
  /** Chat2Desk rejected the proxy's token (`upstream_auth`): who can fix it. */
  upstreamAuth: string;
}

/** Strings of the shared states, in English (built in; other languages are packs: `locales/`). */
export const stateStrings: StateStrings = {
  retry: 'Retry',
  upstreamQuota:
    "Chat2Desk's monthly API quota for this account is used up: nothing loads or sends. Ask your Chat2Desk admin to raise the limit or top up the balance.",
  upstreamAuth: "Chat2Desk rejected the console's API token. Your server admin must set a valid CHAT2DESK_API_TOKEN.",
};
