/** A word's form for each plural category (CLDR) a locale uses; `other` is the fallback. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLocale: Record<string, Intl.PluralRules> = {};

/**
 * The form of a word for `count` in the language `locale` (a BCP 47 tag), by the CLDR rules built into `Intl.PluralRules`:
 * ru 1 клиент, 2 клиента, 5 клиентов, 21 клиент, 1,5 клиента; en 1 client, 0 clients.
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  return forms[(rulesByLocale[locale] ??= new Intl.PluralRules(locale)).select(count)] ?? forms.other;
}
