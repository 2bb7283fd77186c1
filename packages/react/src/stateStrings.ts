import type { Localized } from './Localized.js';

/** Strings of the states every widget shares (`ErrorState`). */
export interface StateStrings {
  retry: string;
  /** Chat2Desk's monthly API quota is used up (`upstream_quota`): who can fix it. */
  upstreamQuota: string;
  /** Chat2Desk rejected the proxy's token (`upstream_auth`): who can fix it. */
  upstreamAuth: string;
}

/** Strings of the shared states, in English and Russian. */
export const stateStrings: Localized<StateStrings> = {
  en: {
    retry: 'Retry',
    upstreamQuota:
      "Chat2Desk's monthly API quota for this account is used up, so the console can neither load nor send anything. Ask your Chat2Desk admin to raise the account's API limit or top up its balance.",
    upstreamAuth:
      "Chat2Desk rejected the console's API token. The administrator of the console's server must set a valid CHAT2DESK_API_TOKEN.",
  },
  ru: {
    retry: 'Повторить',
    upstreamQuota:
      'Месячная квота запросов к API Chat2Desk для этого аккаунта исчерпана, поэтому консоль не может ничего загрузить или отправить. Попросите администратора Chat2Desk увеличить лимит API аккаунта или пополнить баланс.',
    upstreamAuth:
      'Chat2Desk отклонил API-токен консоли. Администратор сервера консоли должен указать действующий CHAT2DESK_API_TOKEN.',
  },
};
