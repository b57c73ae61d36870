/**
 * Suggested tags: the people, places and organisations an article names, offered as
 * one-click tags. English is read with an NLP library (english-entities.ts); other languages
 * with the capitalised-phrase heuristic (capitalised-phrases.ts). Names are merged (`Lavrov`
 * is the `Sergei Lavrov` named earlier), ranked by how often the article mentions them, and
 * those the article is already tagged with are left out.
 */
import type { TagSuggestion } from '../../../common/api';
import { normaliseTag, tagKey } from '../../../common/tags';
import { capitalisedPhrases, type NamedEntity } from './capitalised-phrases';
import { englishEntities } from './english-entities';

/** How many suggestions an article gets at most. */
export const MAX_SUGGESTIONS = 15;

/** What suggesting needs of an article. */
export interface SuggestionInput {
  title: string;
  text: string;
  lang: string | null;
  tags: readonly string[];
}

interface Group {
  name: string;
  kind: NamedEntity['kind'];
  mentions: number;
  first: number;
}

/** True for an article read as English: said to be, or of no known language. */
function isEnglish(lang: string | null): boolean {
  return lang === null || lang === '' || lang.toLowerCase().startsWith('en');
}

/** How often `name` occurs in `text` as whole words. */
function occurrences(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) count++;
  }
  return count;
}

/**
 * Merges the mentions into names: the same name whatever its case, and a person's surname
 * alone (or a longer form ending in it) into the fullest form of that person's name met.
 */
function groupMentions(entities: NamedEntity[]): Group[] {
  const groups = new Map<string, Group>();
  // Longest first, so that `Lavrov` finds `Sergei Lavrov` already there.
  const ordered = entities.map((entity, first) => ({ ...entity, first })).sort((a, b) => b.name.split(' ').length - a.name.split(' ').length || a.first - b.first);
  const surnames = new Map<string, Group>();
  for (const { name, kind, first } of ordered) {
    const key = tagKey(name);
    const surname = tagKey(name.split(' ').pop()!);
    // A surname alone is the person named in full before; without a model to say who is a
    // person, a word alone is the two-word name it ends (`Relotius`, `Claas Relotius`).
    const fuller = surnames.get(surname);
    const samePerson = fuller && (kind === 'person' || fuller.kind === 'person' || (kind === 'topic' && !name.includes(' ') && fuller.name.split(' ').length === 2));
    const group = groups.get(key) ?? (samePerson ? fuller : undefined);
    if (group) {
      group.mentions++;
      group.first = Math.min(group.first, first);
      continue;
    }
    const created: Group = { name, kind, mentions: 1, first };
    groups.set(key, created);
    if ((kind === 'person' || (kind === 'topic' && name.split(' ').length === 2)) && !surnames.has(surname)) surnames.set(surname, created);
  }
  const result = [...new Set(groups.values())];
  // `Klimaaktivistin Luisa Neubauer` is `Luisa Neubauer` with a title: counted as her.
  const byName = new Map(result.map((group) => [tagKey(group.name), group]));
  return result.filter((group) => {
    const words = group.name.split(' ');
    for (let drop = 1; drop < words.length - 1; drop++) {
      const shorter = byName.get(tagKey(words.slice(drop).join(' ')));
      if (shorter && shorter !== group) {
        shorter.mentions += group.mentions;
        shorter.first = Math.min(shorter.first, group.first);
        return false;
      }
    }
    return true;
  });
}

/** Every level of every tag the article has, by key: `ukraine/diplomacy` covers `Ukraine` and `diplomacy`. */
function existingKeys(tags: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const tag of tags) {
    keys.add(tagKey(tag));
    for (const level of tag.split('/')) keys.add(tagKey(level));
  }
  return keys;
}

/**
 * The tags to suggest for an article, most mentioned first. `canonical` gives the spelling a
 * tag already has in the library (`ukraine` → `Ukraine`), so that a suggestion taken joins
 * the existing tag.
 */
export async function suggestTagsFor(article: SuggestionInput, canonical: (tag: string) => string = (tag) => tag): Promise<TagSuggestion[]> {
  const whole = `${article.title}\n\n${article.text}`;
  const english = isEnglish(article.lang);
  const entities = english ? await englishEntities(whole) : capitalisedPhrases(whole, article.lang);
  const groups = groupMentions(entities);
  for (const group of groups) {
    // The NLP reads only the head of the text: the whole text says how much the article is about it.
    const counted = occurrences(whole, group.kind === 'person' ? group.name.split(' ').pop()! : group.name);
    group.mentions = Math.max(group.mentions, counted);
  }
  const have = existingKeys(article.tags);
  const seen = new Set<string>();
  const suggestions: TagSuggestion[] = [];
  groups.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  for (const group of groups) {
    // Without a language model a single capitalised word said once is too often not a name.
    if (group.kind === 'topic' && group.mentions < 2 && !group.name.includes(' ')) continue;
    let tag: string;
    try {
      tag = canonical(normaliseTag(group.name.replace(/\//gu, ' ')));
    } catch {
      continue;
    }
    const key = tagKey(tag);
    if (have.has(key) || seen.has(key) || tag.length < 2) continue;
    seen.add(key);
    suggestions.push({ tag, kind: group.kind });
    if (suggestions.length === MAX_SUGGESTIONS) break;
  }
  return suggestions;
}
