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
    "Chat2Desk's monthly API quota for this account is used up, so the console can neither load nor send anything. Ask your Chat2Desk admin to raise the account's API limit or top up its balance.",
  upstreamAuth:
    "Chat2Desk rejected the console's API token. The administrator of the console's server must set a valid CHAT2DESK_API_TOKEN.",
};
