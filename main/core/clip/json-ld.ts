/**
 * A page's JSON-LD (schema.org) as metadata reads it: the article node (`NewsArticle`,
 * `Article`, `BlogPosting` and kin, also inside `@graph`, arrays and `mainEntity`), the page
 * node, and the values of both, made plain (entities decoded, references followed).
 */
import { selectAll } from './dom';
import type { DomDocument } from './dom';
import { cleanText, joinNames, nonUrl } from './meta-text';

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** schema.org types that describe one article (compared without their namespace). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'ReviewNewsArticle', 'BackgroundNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle',
  'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
]);

/** schema.org types of the page that holds an article. */
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'AboutPage', 'ProfilePage', 'CollectionPage', 'MedicalWebPage']);

/** The article and page nodes of a page's JSON-LD. */
export interface JsonLdArticle {
  /** Empty when the page has a page node but no article node. */
  article: JsonObject;
  /** The `WebPage` node: its date is the article's when no article node gives one. */
  page: JsonObject | undefined;
  /** Every node with an `@id`, so that `{"@id": "#author"}` references can be followed. */
  byId: Map<string, JsonObject>;
}

/** The first article node in the page's JSON-LD blocks, or null. */
export function readJsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of selectAll(document, 'script[type]')) {
    if (!/^\s*application\/ld\+json\s*(?:;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    collectNodes(parseJsonLoosely(script.textContent ?? ''), nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const article = nodes.find(isArticleNode);
  const page = nodes.find((node) => hasType(node, PAGE_TYPES));
  return article || page ? { article: article ?? {}, page, byId } : null;
}

/** JSON.parse that survives what CMSs put around and inside JSON-LD. */
function parseJsonLoosely(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|(?:\/\/\s*)?\]\]>)$/, '')
    .trim()
    .replace(/;$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    // Raw line breaks and tabs inside strings are invalid JSON but common; outside strings
    // a space means the same.
    try {
      // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Gathers candidate nodes from top-level values, arrays, `@graph` and `mainEntity`. */
function collectNodes(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  const node = value as JsonObject;
  out.push(node);
  collectNodes(node['@graph'], out, depth + 1);
  collectNodes(node['mainEntity'], out, depth + 1);
}

function isArticleNode(node: JsonObject): boolean {
  return hasType(node, ARTICLE_TYPES);
}

function hasType(node: JsonObject, wanted: Set<string>): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  // "NewsArticle", "schema:NewsArticle" and "http://schema.org/NewsArticle" are the same type.
  return types.some((type) => typeof type === 'string' && wanted.has(type.replace(/^.*[/:#]/, '')));
}

/** Follows an `{"@id": …}` reference to the node it names, when the page has that node. */
function deref(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as JsonObject)['@id'];
    if (typeof id === 'string' && Object.keys(value).length <= 2) return byId.get(id) ?? value;
  }
  return value;
}

/** A JSON-LD text value (a string, or the first string of an array), entities decoded. */
export function ldText(value: unknown): string | null {
  if (Array.isArray(value)) return ldText(value[0]);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  return cleanText(decodeEntities(value));
}

/** `articleBody` keeps its line breaks: they are its paragraphs. */
export function ldBody(value: string): string | null {
  const body = decodeEntities(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return body || null;
}

/** The name of an organisation or person node (or a plain string), not a URL. */
export function ldName(value: unknown, byId: Map<string, JsonObject>): string | null {
  const node = deref(Array.isArray(value) ? value[0] : value, byId);
  if (typeof node === 'string') return nonUrl(cleanText(decodeEntities(node)));
  if (node && typeof node === 'object') return nonUrl(ldText((node as JsonObject)['name']));
  return null;
}

/** The authors' names as one line, references followed, `givenName familyName` joined. */
export function ldAuthors(value: unknown, byId: Map<string, JsonObject>): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((item) => {
    const node = deref(item, byId);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const person = node as JsonObject;
      const name = ldText(person['name']);
      if (name) return name;
      const parts = [ldText(person['givenName']), ldText(person['familyName'])].filter(Boolean);
      return parts.length > 0 ? parts.join(' ') : null;
    }
    return typeof node === 'string' ? decodeEntities(node) : null;
  });
  return joinNames(names);
}

/** A URL given as a string, or as a node's `@id` or `url`. */
export function ldUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const node = value as JsonObject;
    for (const key of ['@id', 'url']) if (typeof node[key] === 'string') return node[key] as string;
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—',
  ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

/** Decodes the entities CMSs leave in JSON-LD strings (`Q&amp;A`, `&#8217;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (match, dec, hex, name) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[(name as string).toLowerCase()] ?? match;
  });
}
