/**
 * What a page's class and id names say about an element, as a few families of words
 * (content, comments, navigation, …). Web designers name their containers for what they
 * hold in a handful of languages and habits ("article-body", "storytext", "sidebar",
 * "footer-links"); the block classifier learns from the families, not from one site's names,
 * so that it holds on sites it never saw.
 *
 * Names are split into words at non-letters and camelCase humps ("articleBody" → article,
 * body); a word belongs to a family when it is one of the family's words or starts with one
 * of its stems.
 */
import type { DomElement } from '../dom';

/** The families, in the order of their bits. */
export const CLASS_FAMILIES = [
  'content', 'comment', 'navigation', 'header', 'footer', 'sidebar', 'related', 'advert', 'social', 'byline', 'caption',
  'tags', 'subscribe', 'hidden', 'title', 'summary',
] as const;

/** One family's name. */
export type ClassFamily = (typeof CLASS_FAMILIES)[number];

/** Each family's words (exact) and stems (a word starting so). */
const FAMILY_WORDS: Record<ClassFamily, { words: string[]; stems: string[] }> = {
  content: {
    words: ['article', 'articles', 'content', 'contents', 'story', 'stories', 'body', 'text', 'entry', 'post', 'main', 'blog',
      'news', 'artikel', 'inhalt', 'detail', 'details', 'copy', 'prose', 'page', 'single', 'permalink', 'hentry', 'maincontent'],
    stems: ['articl', 'storytext', 'storybody', 'bodytext', 'entrycontent', 'postbody', 'postcontent', 'mainarticle', 'fulltext'],
  },
  comment: { words: ['comment', 'comments', 'reply', 'replies', 'respond', 'discussion', 'discuss', 'disqus', 'feedback', 'reaction', 'reactions', 'kommentar', 'kommentare', 'forum', 'talkback'], stems: ['comment', 'kommentar'] },
  navigation: { words: ['nav', 'menu', 'menus', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'pagination', 'pager', 'paging', 'tabs', 'tab', 'topnav', 'subnav', 'skip', 'jump', 'toolbar', 'links', 'sitemap', 'directory', 'index'], stems: ['nav', 'menu', 'breadcrumb'] },
  header: { words: ['header', 'head', 'masthead', 'banner', 'top', 'topbar', 'logo', 'brand', 'branding', 'kopf'], stems: ['header', 'masthead'] },
  footer: { words: ['footer', 'foot', 'bottom', 'copyright', 'legal', 'colophon', 'disclaimer', 'fuss', 'impressum', 'terms', 'privacy'], stems: ['footer', 'copyright'] },
  sidebar: { words: ['sidebar', 'side', 'rail', 'aside', 'widget', 'widgets', 'column', 'col', 'right', 'left', 'panel', 'box', 'module', 'sidebox', 'rightcol', 'leftcol', 'secondary', 'extra', 'marginal'], stems: ['sidebar', 'widget', 'rightcol', 'leftcol', 'rightrail'] },
  related: { words: ['related', 'recommended', 'recommend', 'recommendations', 'popular', 'trending', 'most', 'more', 'also', 'teaser', 'teasers', 'promo', 'promos', 'featured', 'latest', 'headlines', 'similar', 'next', 'prev', 'previous', 'outbrain', 'taboola', 'mostread', 'mostpopular', 'topstories', 'list', 'listing', 'archive', 'weitere'], stems: ['related', 'recommend', 'popular', 'teaser', 'promo', 'mostread', 'mostpopular', 'outbrain', 'taboola'] },
  advert: { words: ['ad', 'ads', 'advert', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'dfp', 'adsense', 'commercial', 'anzeige', 'werbung', 'banner', 'adspot', 'adslot', 'adunit', 'adcontainer', 'gpt', 'billboard', 'leaderboard', 'skyscraper', 'mpu'], stems: ['advert', 'sponsor', 'adsense', 'adslot', 'adunit', 'leaderboard', 'skyscraper', 'werbung', 'anzeige'] },
  social: { words: ['share', 'sharing', 'social', 'facebook', 'twitter', 'tweet', 'email', 'mail', 'print', 'tools', 'tool', 'bookmark', 'bookmarks', 'addthis', 'sharethis', 'like', 'follow', 'digg', 'rss', 'feed', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'teilen'], stems: ['share', 'social', 'facebook', 'twitter', 'addthis', 'sharethis'] },
  byline: { words: ['author', 'authors', 'byline', 'by', 'date', 'time', 'dateline', 'meta', 'info', 'posted', 'published', 'timestamp', 'autor', 'datum', 'credit', 'credits', 'source', 'vcard', 'updated'], stems: ['author', 'byline', 'dateline', 'timestamp', 'posted', 'publish'] },
  caption: { words: ['caption', 'captions', 'photo', 'photos', 'image', 'images', 'img', 'picture', 'figure', 'media', 'gallery', 'video', 'videos', 'thumb', 'thumbnail', 'slideshow', 'bild', 'foto', 'wp'], stems: ['caption', 'photo', 'image', 'picture', 'gallery', 'thumbnail', 'slideshow'] },
  tags: { words: ['tag', 'tags', 'category', 'categories', 'keywords', 'topics', 'topic', 'label', 'labels', 'filed', 'schlagworte', 'themen'], stems: ['categor', 'keyword'] },
  subscribe: { words: ['newsletter', 'subscribe', 'subscription', 'signup', 'login', 'register', 'registration', 'form', 'search', 'paywall', 'account', 'user', 'member', 'abo', 'cookie', 'cookies', 'consent', 'popup', 'modal', 'overlay'], stems: ['newsletter', 'subscri', 'signup', 'login', 'register', 'paywall', 'cookie', 'consent'] },
  hidden: { words: ['hidden', 'hide', 'invisible', 'offscreen', 'sr', 'only', 'visually', 'noprint', 'collapsed', 'display'], stems: ['hidden', 'invisible', 'offscreen'] },
  title: { words: ['title', 'headline', 'heading', 'headline1', 'titel', 'h1', 'hed', 'kicker', 'subtitle', 'subhead', 'overline', 'dachzeile'], stems: ['headline', 'heading', 'title'] },
  summary: { words: ['summary', 'intro', 'lead', 'lede', 'teaser', 'standfirst', 'abstract', 'excerpt', 'description', 'deck', 'dek', 'strap', 'subheadline'], stems: ['summary', 'standfirst', 'excerpt', 'abstract'] },
};

const EXACT = new Map<string, number>();
const STEMS: Array<[string, number]> = [];
CLASS_FAMILIES.forEach((family, bit) => {
  for (const word of FAMILY_WORDS[family].words) EXACT.set(word, (EXACT.get(word) ?? 0) | (1 << bit));
  for (const stem of FAMILY_WORDS[family].stems) STEMS.push([stem, 1 << bit]);
});

/** The families of one name word, as bits. */
function wordFamilies(word: string): number {
  let bits = EXACT.get(word) ?? 0;
  if (word.length >= 4) for (const [stem, bit] of STEMS) if (word.startsWith(stem)) bits |= bit;
  return bits;
}

/** The bit of a family, to test a mask: `mask & familyBit('comment')`. */
export function familyBit(family: ClassFamily): number {
  return 1 << CLASS_FAMILIES.indexOf(family);
}

/** The families an element's class, id (and itemprop, role) name, as bits; cached per element. */
export function elementFamilies(element: DomElement, cache: Map<DomElement, number>): number {
  const known = cache.get(element);
  if (known !== undefined) return known;
  const names = [element.getAttribute('class'), element.getAttribute('id'), element.getAttribute('itemprop'), element.getAttribute('role')];
  let bits = 0;
  for (const name of names) {
    if (!name) continue;
    // "articleBody" → "article Body"; "story_text-2" → "story text 2".
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
    for (const word of words) if (word) bits |= wordFamilies(word.replace(/\d+$/, ''));
    // The whole name run together ("storytext", "mainarticle") is a word too.
    const joined = name.toLowerCase().replace(/[^a-z]/g, '');
    if (joined.length >= 4) bits |= wordFamilies(joined);
  }
  cache.set(element, bits);
  return bits;
}
