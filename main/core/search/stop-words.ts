/**
 * Stop words: the commonest words of each language, left out of the index because nearly
 * every article has them (they make the index bigger and slower and never narrow a search).
 * An article's words are filtered with its own language's list, so that `die` stays
 * searchable in English articles while it is dropped from German ones. Short lists on
 * purpose: only words that carry no meaning on their own.
 */

const LISTS: Record<string, string> = {
  en: 'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so than that the their them then there these they this to was we were which who will with would you your',
  de: 'aber als am an auch auf aus bei bin bis das dass dem den der des die dies doch du ein eine einem einen einer eines er es für hat hatte ich ihr im in ist ja kein mit nach nicht noch nur oder sich sie sind so um und uns von vor war was wie wir wird zu zum zur über',
  fr: 'au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais me même mes ne nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous été être',
  es: 'al como con de del el ella ellos en es esta este fue ha la las le les lo los más no nos o para pero por que se sin su sus un una y ya',
  it: 'a al alla anche che chi con da dal del della di e ed era gli ha i il in la le lo ma ne nel nella non per più se si sono su tra un una',
  nl: 'aan als bij dat de den der die dit een en er het hij in is je maar met na niet of om ook op te tot uit van voor was wat we zich zij zijn',
  pt: 'a ao aos as com da das de do dos e ela ele em era foi há mais mas na nas no nos o os ou para pela pelo por que se sem seu sua são um uma',
};

const STOP_WORDS = new Map<string, ReadonlySet<string>>(
  Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);

/** Every language's stop words together, for queries (whose language is unknown). */
const ANY_LANGUAGE = new Set([...STOP_WORDS.values()].flatMap((set) => [...set]));

/**
 * The stop words of a language (`en`, `de-CH` → `de`), or English's when the language is
 * unknown or has no list — most clipped news is English, and an English list is harmless to
 * most other Latin-script text.
 */
export function stopWordsFor(lang: string | null | undefined): ReadonlySet<string> {
  const base = lang?.toLowerCase().split(/[-_]/u)[0] ?? 'en';
  return STOP_WORDS.get(base) ?? STOP_WORDS.get('en')!;
}

/** True when a folded word is a stop word in any language Cuttings knows. */
export function isStopWordInAnyLanguage(folded: string): boolean {
  return ANY_LANGUAGE.has(folded);
}
