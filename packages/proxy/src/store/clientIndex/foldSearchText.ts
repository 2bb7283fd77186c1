const DECOMPOSED_SHORT_I = /\u0438\u0306/g; // и + combining breve, what NFKD makes of й
const COMBINING_MARKS = /\p{M}/gu;
const HAS_COMBINING_MARK = /\p{M}/u; // no `g`: `test` on a global pattern would resume where the last call stopped
// Control characters too: a needle must never hold the line breaks that separate texts.
const WORD_BREAKS = /[\s\p{Cc}]+/u;
const PHONE_QUERY = /^[\d\s()+\-.]*\d[\d\s()+\-.]*$/;
const NON_DIGITS = /\D/g;

/**
 * `text` the way search compares it: lower case, without accents and other combining marks.
 * So `É` is `e`, `ё` is `е` (as most Russian text writes it anyway), `ï` is `i`. `й` stays `й`:
 * for Russian it is a letter of its own (`Мой` is not `Мои`), although Unicode spells it as `и`
 * with a mark. Letters without a decomposition (`ø`, `ł`, Kazakh `ә`, `қ`, `ө`, `ү`) are kept
 * as they are. Whitespace is left alone: needles never hold any (see {@link parseClientQuery}),
 * and collapsing it would triple the cost of indexing.
 */
export function foldSearchText(text: string): string {
  const decomposed = text.toLowerCase().normalize('NFKD');
  // Most names have no marks: skipping the replace for them halves the time to index.
  return HAS_COMBINING_MARK.test(decomposed)
    ? decomposed.replace(DECOMPOSED_SHORT_I, 'й').replace(COMBINING_MARKS, '')
    : decomposed;
}

/** The digits of a phone number (`+7 (701) 234-56-78` → `77012345678`). */
export function phoneDigits(phone: string): string {
  return phone.replace(NON_DIGITS, '');
}

/** A parsed search query: every needle must occur in a client's folded text. */
export type ClientQuery = { needles: string[] };

/**
 * Parses a search query: a phone-like one (digits with `+ ( ) - .` and spaces) is one needle
 * of its digits; anything else is one needle per folded word. No needle holds whitespace or a
 * control character. A blank query has no needles and matches everyone.
 */
export function parseClientQuery(query: string): ClientQuery {
  if (PHONE_QUERY.test(query)) return { needles: [phoneDigits(query)] };
  return { needles: foldSearchText(query).split(WORD_BREAKS).filter((word) => word !== '') };
}

/**
 * What a client's searchable text is made of: the folded name and assigned name and the phone's
 * digits, on separate lines so that no needle (which holds no line break) spans two of them.
 */
export function clientSearchText(name: string | null, assignedName: string | null, phone: string | null): string {
  return `${foldSearchText(name ?? '')}\n${foldSearchText(assignedName ?? '')}\n${phoneDigits(phone ?? '')}`;
}
