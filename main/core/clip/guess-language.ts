/**
 * A crude language guess for pasted text, which carries no `lang` of its own. It only
 * answers when the evidence is strong; otherwise null, which is always an honest answer.
 */

/** Frequent function words that tell a few Latin-script languages apart. */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'it', 'he', 'she', 'are', 'have', 'this', 'not', 'but', 'by', 'from', 'they', 'said', 'were', 'has', 'which'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'von', 'mit', 'sich', 'auf', 'dem', 'für', 'auch', 'es', 'wird', 'sind', 'wurde', 'hat', 'ich', 'dass'],
  fr: ['le', 'les', 'et', 'est', 'une', 'dans', 'qui', 'pour', 'pas', 'sur', 'du', 'au', 'avec', 'ce', 'il', 'sont', 'été', 'par', 'ont', 'aux', 'mais', 'nous', 'cette', 'leur'],
  es: ['el', 'los', 'las', 'y', 'es', 'en', 'por', 'con', 'para', 'se', 'su', 'fue', 'como', 'más', 'pero', 'muy', 'sus', 'está', 'lo', 'han', 'también', 'hay', 'sobre', 'entre'],
  it: ['il', 'di', 'che', 'è', 'non', 'per', 'sono', 'della', 'gli', 'anche', 'ha', 'nel', 'alla', 'si', 'più', 'delle', 'dei', 'questo', 'essere', 'stato', 'come', 'ma', 'ed', 'lo'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'met', 'voor', 'er', 'hij', 'ook', 'aan', 'werd', 'wordt', 'maar', 'bij', 'nog', 'naar', 'heeft'],
  pt: ['o', 'os', 'e', 'de', 'que', 'não', 'um', 'uma', 'para', 'com', 'do', 'da', 'no', 'na', 'em', 'foi', 'mais', 'são', 'ao', 'dos', 'das', 'pelo', 'pela', 'também'],
};

const LANGUAGES = Object.keys(FUNCTION_WORDS);

/** Each function word with the languages (by place in LANGUAGES) it belongs to. */
const LANGUAGES_OF_WORD = new Map<string, number[]>();
LANGUAGES.forEach((lang, at) => {
  for (const word of FUNCTION_WORDS[lang]!) LANGUAGES_OF_WORD.set(word, [...(LANGUAGES_OF_WORD.get(word) ?? []), at]);
});

/** Scripts that name their language on their own (Han alone, without kana, is Chinese). */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Han}/gu, 'zh'],
];

/** Letters only Ukrainian writes among the Cyrillic languages news comes in. */
const UKRAINIAN_LETTERS = /[їєґі]/giu;

/** Fewer words than this say too little to guess from. */
const MIN_WORDS = 20;
/** A guess needs this share of its words to be the language's function words… */
const MIN_SHARE = 0.12;
/** …and this lead over the runner-up, since some function words are shared. */
const MIN_LEAD = 1.5;

/** Guesses a BCP 47 language code for a text (`en`, `de`, `ja`…), or null when unsure. */
export function guessLanguage(text: string): string | null {
  // A few thousand characters tell the language as well as the whole text, far sooner.
  const sample = text.slice(0, 5_000);
  // Most clipped text is plain ASCII: no script but Latin to look for, and words cut simply.
  if (PLAIN_ASCII.test(sample)) return byFunctionWords(sample.toLowerCase().match(/[a-z]+/gu) ?? []);
  const letters = sample.replace(/\P{L}+/gu, '').length;
  if (letters === 0) return null;
  for (const [pattern, lang] of SCRIPT_LANGUAGES) {
    if ((sample.match(pattern)?.length ?? 0) > letters * 0.3) return lang;
  }
  // Cyrillic: Russian unless the letters only Ukrainian uses are frequent.
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic > letters * 0.5) return (sample.match(UKRAINIAN_LETTERS)?.length ?? 0) > cyrillic * 0.02 ? 'uk' : 'ru';

  return byFunctionWords(sample.toLocaleLowerCase('und').match(/\p{L}+/gu) ?? []);
}

const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/u;

/** The language whose commonest words are clearly the most frequent among these. */
function byFunctionWords(words: string[]): string | null {
  if (words.length < MIN_WORDS) return null;
  // One look-up a word, whichever languages it belongs to.
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const word of words) {
    const languages = LANGUAGES_OF_WORD.get(word);
    if (languages) for (const at of languages) hits[at]!++;
  }
  const scores = LANGUAGES.map((lang, at) => ({ lang, share: hits[at]! / words.length })).sort((a, b) => b.share - a.share);
  const [best, second] = scores;
  if (!best || best.share < MIN_SHARE) return null;
  if (second && best.share < second.share * MIN_LEAD) return null;
  return best.lang;
}
