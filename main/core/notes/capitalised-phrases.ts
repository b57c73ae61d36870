/**
 * Names in text of any language written in the Latin, Greek or Cyrillic script, found
 * without a language model: runs of capitalised words ("Olaf Scholz", "Emmanuel Macron",
 * "Banque de France") that are not the first word of a sentence. What kind of name each is
 * cannot be told this way, so each is a `topic`.
 *
 * German capitalises every noun, so there a single capitalised word is a name only if it
 * does not look like a common noun: it never follows an article or determiner (`der Chef`,
 * `im Gespräch`) and has none of the usual noun endings; runs of two or more words are taken
 * as in other languages.
 */
import { stopWordsFor } from '../search/stop-words';

/** A name found in a text and what it names. */
export interface NamedEntity {
  name: string;
  kind: 'person' | 'place' | 'organisation' | 'topic';
}

/** Small words that may join the capitalised words of one name: `Banque de France`, `Ursula von der Leyen`. */
const JOINERS = new Set(['de', 'del', 'della', 'der', 'des', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'of', 'al', 'el', 'bin', 'ibn', 'zu']);

/** German words that come before a common noun and not (usually) before a name. */
const GERMAN_DETERMINERS = new Set(
  'der die das den dem des ein eine einer einem einen eines kein keine keinen keinem keiner im am zum zur vom beim ins ans aufs dieser diese dieses diesen diesem jede jeder jedes jeden jedem sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere mein meine dein deine alle allen viele vielen mehr'.split(' '),
);

/** Endings of German common nouns, which are capitalised like names. */
const GERMAN_NOUN = /(ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|chen|lein|ment|ments|tum|ling|er|ern|en|e)$/u;

const WORD = /\p{L}[\p{L}\p{M}’'-]*/gu;
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}’'-]*\p{Ll}[\p{L}\p{M}’'-]*$|^\p{Lu}{2,6}$/u;

/** Returns the capitalised-phrase names of a text, in order of appearance, once per mention. */
export function capitalisedPhrases(text: string, lang: string | null): NamedEntity[] {
  const german = (lang ?? '').toLowerCase().startsWith('de');
  const stop = stopWordsFor(lang);
  const found: NamedEntity[] = [];
  // In German, the capitalised words met after a determiner somewhere: common nouns.
  const nouns = new Set<string>();
  if (german) {
    const all = [...text.matchAll(WORD)].map((match) => match[0]);
    for (let i = 1; i < all.length; i++) if (GERMAN_DETERMINERS.has(all[i - 1]!.toLowerCase())) nouns.add(all[i]!);
  }
  const isGermanNoun = (word: string) => nouns.has(word) || (GERMAN_NOUN.test(word) && !/^\p{Lu}+$/u.test(word));
  // Sentence by sentence (and heading by heading), so that a sentence's first word is known.
  for (const sentence of text.split(/(?<=[.!?:;…»«“”"])\s+|\n+/u)) {
    const matches = [...sentence.matchAll(WORD)];
    const words = matches.map((match) => match[0].replace(/[’'-]+$/u, '').replace(/[’']s$/u, ''));
    // Punctuation between two words ends a name: `Siemens, BASF` are two.
    const joined = (at: number) => /^\s+$/u.test(sentence.slice(matches[at - 1]!.index + matches[at - 1]![0].length, matches[at]!.index));
    let run: string[] = [];
    const close = () => {
      if (german) {
        // Common nouns at either end of a run are not part of the name: `Arbeitsminister Hubertus Heil`.
        while (run.length > 1 && nouns.has(run[0]!)) run.shift();
        while (run.length > 1 && (nouns.has(run[run.length - 1]!) || JOINERS.has(run[run.length - 1]!))) run.pop();
      }
      while (run.length > 0 && JOINERS.has(run[0]!)) run.shift();
      while (run.length > 0 && JOINERS.has(run[run.length - 1]!)) run.pop();
      if (run.length > 0) {
        const single = run.length === 1;
        const word = run[0]!;
        if (!(single && (stop.has(word.toLowerCase()) || (german && isGermanNoun(word))))) {
          found.push({ name: run.join(' '), kind: 'topic' });
        }
      }
      run = [];
    };
    words.forEach((word, at) => {
      if (run.length > 0 && !joined(at)) close();
      if (CAPITALISED.test(word) && !(at === 0 && stop.has(word.toLowerCase()))) {
        // A sentence's first word is capitalised anyway: it starts a name only if the next is capitalised too.
        if (at === 0 && !(words.length > 1 && CAPITALISED.test(words[1]!) && joined(1))) return;
        run.push(word);
      } else if (run.length > 0 && JOINERS.has(word)) run.push(word);
      else close();
    });
    close();
  }
  return found;
}
