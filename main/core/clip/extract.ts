/**
 * Extracts an article from an HTML page: its metadata and its sanitised text, everything
 * Cuttings would store, without storing anything. `clipHtml` (html.ts) and `cuttings extract`
 * are built on it.
 *
 * The steps, and why they are in this order:
 *   1. The page is parsed once, with linkedom (dom.ts: `parsePage`), which is fast.
 *   2. The metadata is read from the untouched document (metadata.ts).
 *   3. The article body is chosen, one of two ways:
 *      - by rules (rules-body.ts), what Cuttings does: boilerplate the page marks as such is
 *        removed, Mozilla Readability picks the article, the page's own container wins when
 *        it holds much more;
 *      - by the block classifier, when a model is given (`options.model`; blocks/): the page
 *        is cut into text blocks and a model trained on the annotated pages of hundreds of
 *        sites decides which are the article, weighing Readability's pick, the JSON-LD
 *        `articleBody` and the page's `<article>` among its features; the page is pruned to
 *        the kept blocks. It is not the default until it beats the rules on the held-back
 *        folds of every set (docs/architecture.md, "Extraction stays on rules").
 *      Both edit the document, so they come after everything else that reads it.
 *   4. The article is sanitised with DOMPurify in a jsdom window (sanitise.ts), then turned
 *      into plain text (html-to-text.ts).
 *   5. If either finds too little, other sources get a say (fallback-body.ts): the JSON-LD
 *      `articleBody`, the page's body without its chrome, and at last all the text the page
 *      shows: a page a browser shows is never refused.
 */
import { htmlToBody, paragraphsToBody } from './article-body';
import type { Body } from './article-body';
import { analysePage, analysisHints } from './blocks/analyse-page';
import type { AnalysisHints } from './blocks/analyse-page';
import { articleFromBlocks } from './blocks/article-from-blocks';
import { classifyBlocks } from './blocks/block-classifier';
import type { BoostedTrees } from './blocks/boosted-trees';
import { ClipError } from './clipped-article';
import { parsePage, selectAll, selectFirst, withDomWindow } from './dom';
import type { DomDocument, DomWindow } from './dom';
import { dateInText } from './date-in-text';
import { makeExcerpt } from './excerpt';
import { bodyOfReadable, fallbackBody } from './fallback-body';
import { binaryReason, isBlank, MAX_CLIP_BYTES, withoutStrayBytes } from './input-checks';
import { cleanByline, extractMetadata, nonUrl, normaliseDate, normaliseLang } from './metadata';
import type { PageMetadata } from './metadata';
import { rulesBody } from './rules-body';
import { closeRunawayTitle } from './runaway-title';
import type { ReadabilityResult } from './run-readability';
import { addLateCandidates, pageCandidates } from './meta-ranking/page-candidates';
import { META_FIELDS } from './meta-ranking/candidate-pool';
import type { CandidatePool, MetaField } from './meta-ranking/candidate-pool';
import { rankedValue, shippedRankers } from './meta-ranking/metadata-ranker';
import type { MetadataRankers } from './meta-ranking/metadata-ranker';
import { chooseTitle } from './title';
import { resolveHttpUrl } from './urls';

/**
 * When the classifier keeps fewer words than this, the page is one it cannot read (a page
 * of links, a frameset, a page whose text is in JSON-LD only), and the fallbacks decide.
 */
const MIN_KEPT_WORDS = 10;

/**
 * When nothing else dates the page, a date written at the start of its text ("01.02.2022
 * Der Arbeitsmarkt …") is taken; further in, a date is more likely one the story mentions.
 */
const DATE_IN_TEXT_CHARS = 200;

/** Options for {@link extractPage}. */
export interface ExtractPageOptions {
  /** Where the page came from, to resolve its relative links: `{ url: 'https://x.org/a' }`. */
  url?: string;
  /** The file it was read from, named in error messages: `{ fileName: 'story.html' }`. */
  fileName?: string;
  /**
   * A block classifier's model: the body is then chosen by it rather than by the rules (the
   * bench scores each page with the model of a fold that never saw the page's site).
   */
  model?: BoostedTrees;
  /**
   * The models that choose the title, the author and the date among the page's candidates
   * (meta-ranking/); a field without one keeps the rules' answer. Default: the shipped ones
   * (the bench gives each page the models of a fold that never saw its site; `{}` is the rules).
   */
  metadataRankers?: MetadataRankers;
  /** Given every candidate the page offers, after the rules chose: for the ranker's trainer. */
  onMetadataCandidates?: (pool: CandidatePool) => void;
}

/** Everything Cuttings extracts from a page; null where the page does not say. */
export interface ExtractedPage {
  /** Never empty. */
  title: string;
  /** Authors as one line: "Jane Doe, John Roe". */
  author: string | null;
  /** ISO 8601 date or date-time, as precise as the page gives it. */
  published: string | null;
  modified: string | null;
  /** The publication or site name. */
  site: string | null;
  /** BCP 47 language tag. */
  lang: string | null;
  /** The article's own URL as the page names it, absolute http(s). */
  canonical: string | null;
  description: string | null;
  /** The lead image's absolute URL. */
  image: string | null;
  section: string | null;
  keywords: string[];
  /** Plain text, paragraphs separated by one blank line. */
  text: string;
  /** Sanitised reader HTML. */
  html: string;
  excerpt: string;
}

/**
 * Extracts the article from an HTML page. Throws ClipError for input that is empty, binary,
 * over {@link MAX_CLIP_BYTES} or has no article in it. Never runs the page's scripts and
 * never loads anything: remote images are kept only as `data-src` URLs.
 */
export function extractPage(html: string, options: ExtractPageOptions = {}): ExtractedPage {
  const name = options.fileName ?? 'pasted HTML';
  checkInput(html, name);
  // Stray control bytes (a run of NULs in a crawled page) are dropped, as browsers drop them;
  // binary data was refused above. A title that never closes would swallow the page.
  const page = closeRunawayTitle(withoutStrayBytes(html));

  const pageUrl = resolveHttpUrl(options.url);
  return withDomWindow((window) => {
    const document = parsePage(window, page);
    const pageBase = resolveHttpUrl(selectFirst(document, 'base[href]')?.getAttribute('href'), pageUrl);
    const metadata = extractMetadata(document, { baseUrl: pageBase ?? pageUrl, pageUrl });
    const rankers = options.metadataRankers ?? shippedRankers();
    const fields = rankedFields(rankers, metadata, options.onMetadataCandidates !== undefined);
    // Read before the body is chosen: that edits the document, and drops the JSON-LD scripts.
    const pool = fields.size > 0 ? pageCandidates(document, { metadata, pageUrl }, fields) : null;
    // A saved page without its address still names where it was published (canonical URL):
    // its relative links and images are relative to that.
    const linkBase = pageBase ?? pageUrl ?? metadata.url;

    // Scripts and styles are never text; without them the page's text says what a reader
    // sees, which tells a visible standfirst from an SEO one.
    for (const element of selectAll(document, 'body script, body style, body template')) element.remove();
    const visibleText = collapseSpace(document.body?.textContent ?? '');
    const { body: chosen, readable } = options.model
      ? learnedBody(window, page, document, analysisHints(metadata), options.model, metadata.articleBody, linkBase)
      : rulesBody(window, page, document, metadata.articleBody, linkBase);
    const body = chosen && withStandfirst(window, chosen, metadata.description, visibleText, linkBase);
    if (!chosen || !body) {
      const why = visibleText === '' ? 'the page shows no text' : 'no readable text found, only menus, headers and footers';
      throw new ClipError(`clip: ${name} has no article in it (${why})`);
    }
    const rulesTitle = chooseTitle({ ...metadata, url: metadata.url ?? pageUrl }, cleanLine(readable?.title));
    const rulesAuthor = metadata.author ?? cleanByline(readable?.byline);
    // The body as the page has it, without a standfirst put in front.
    const textStartDate = dateInText(chosen.text.slice(0, DATE_IN_TEXT_CHARS));
    const rulesDate = metadata.published ?? normaliseDate(readable?.publishedTime) ?? textStartDate;
    let [title, author, published] = [rulesTitle, rulesAuthor, rulesDate];
    if (pool) {
      addLateCandidates(pool, {
        rulesTitle, rulesAuthor, rulesDate, textStartDate,
        readabilityTitle: cleanLine(readable?.title), readabilityByline: readable?.byline ?? null, readabilityDate: readable?.publishedTime ?? null,
      });
      options.onMetadataCandidates?.(pool);
      if (rankers.title && fields.has('title')) title = rankedValue(pool, 'title', rankers.title) ?? title;
      if (rankers.author && fields.has('author')) author = rankedValue(pool, 'author', rankers.author);
      if (rankers.date && fields.has('date')) published = rankedValue(pool, 'date', rankers.date);
    }
    return {
      title: title ?? makeExcerpt(body.text.split('\n')[0] ?? '', 80),
      author,
      published,
      modified: metadata.modified,
      site: metadata.source ?? nonUrl(cleanLine(readable?.siteName)),
      lang: metadata.lang ?? normaliseLang(readable?.lang),
      canonical: metadata.url,
      description: metadata.description,
      image: metadata.image,
      section: metadata.section,
      keywords: metadata.keywords,
      text: body.text,
      html: body.html,
      excerpt: makeExcerpt(metadata.description ?? cleanLine(readable?.excerpt) ?? firstParagraph(body.text)),
    };
  });
}

/**
 * The body the block classifier gives `document` (scripts and styles removed), with
 * Readability's answer; the fallbacks decide when it keeps too little.
 */
function learnedBody(
  window: DomWindow,
  html: string,
  document: DomDocument,
  hints: AnalysisHints,
  model: BoostedTrees,
  articleText: string | null,
  linkBase: string | null,
): { body: Body | null; readable: ReadabilityResult } {
  const analysed = analysePage(window, html, document, hints);
  const kept = classifyBlocks(analysed, model);
  const keptWords = analysed.blocks.blocks.reduce((sum, block) => sum + (kept[block.index] ? block.words : 0), 0);
  let chosen: Body | null = null;
  if (keptWords >= MIN_KEPT_WORDS) {
    const article = articleFromBlocks(analysed.blocks, kept);
    const fragment = article && (/^(?:body|html)$/.test(article.localName) ? article.innerHTML : article.outerHTML);
    chosen = fragment ? htmlToBody(window, fragment, linkBase) : null;
  }
  if (!chosen || chosen.words < MIN_KEPT_WORDS) {
    chosen = fallbackBody(window, html, bodyOfReadable(window, analysed.readable, linkBase), articleText, linkBase) ?? chosen;
  }
  return { body: chosen, readable: analysed.readable };
}

/**
 * The fields whose candidates must be gathered: every field for the trainer, else those with
 * a ranker, less those whose ranker cannot overrule the rules (a margin of 1) where the rules
 * already have their answer from the metadata: gathering walks the page (28 ms more CPU at the
 * median and 300 ms at the 95th percentile on the trafilatura and Readability pages when all
 * three fields were gathered on every page).
 */
function rankedFields(rankers: MetadataRankers, metadata: PageMetadata, all: boolean): Set<MetaField> {
  if (all) return new Set(META_FIELDS);
  const answered: Record<MetaField, boolean> = { title: false, author: metadata.author !== null, date: metadata.published !== null };
  return new Set(META_FIELDS.filter((field) => rankers[field] && !((rankers[field]?.margin ?? 0) >= 1 && answered[field])));
}

function checkInput(html: string, name: string): void {
  if (isBlank(html)) throw new ClipError(`clip: ${name} is empty`);
  if (html.length > MAX_CLIP_BYTES) {
    const megabytes = (html.length / (1024 * 1024)).toFixed(1);
    throw new ClipError(
      `clip: ${name} is ${megabytes} MB; the largest page Cuttings clips is ${MAX_CLIP_BYTES / (1024 * 1024)} MB`,
    );
  }
  const binary = binaryReason(html);
  if (binary) throw new ClipError(`clip: ${name} is not an HTML document (${binary})`);
}

/** The share of a standfirst that must be seen on the page, and not in the body, to count. */
const STANDFIRST_PROBE_CHARS = 50;

/**
 * The body with the article's standfirst in front, when Readability left it out: news pages
 * set the lead paragraph apart from the body (beside the headline), and their meta
 * description is usually that paragraph. It is added only when the page shows it (an SEO
 * description nobody sees is not the article's text) and the body does not already hold it.
 */
function withStandfirst(window: DomWindow, body: Body, description: string | null, visibleText: string, linkBase: string | null): Body {
  const lead = collapseSpace(description ?? '').replace(/\s*(?:…|\.\.\.|\[…\])$/, '');
  if (lead.length < STANDFIRST_PROBE_CHARS) return body;
  const probe = lead.slice(0, STANDFIRST_PROBE_CHARS);
  if (!visibleText.includes(probe) || collapseSpace(body.text).includes(probe)) return body;
  const standfirst = paragraphsToBody(window, lead, linkBase);
  return { html: `${standfirst.html}\n${body.html}`, text: `${standfirst.text}\n\n${body.text}`, words: standfirst.words + body.words };
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cleanLine(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

function firstParagraph(text: string): string {
  return text.split('\n\n', 1)[0] ?? '';
}
