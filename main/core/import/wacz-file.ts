/**
 * Opens a WACZ for import: the zip is checked whole first (zip-reader.ts: no `..` or absolute
 * names, no links, no bombs), then datapackage.json against datapackage-digest.json, and every
 * file datapackage.json lists against its hash while it is read — its WARCs copied out to the
 * caller's temporary folder, so that they can be read as a stream, and its pages.jsonl read.
 * A file whose hash does not match refuses the whole WACZ, naming the file; nothing has been
 * imported by then.
 *
 * One allowance, for a known fault of another tool: js-wacz (Harvard LIL's packer, which
 * Perma.cc's Scoop uses) up to at least 0.1.6 hashes a file it reads from disk — the WARCs —
 * with every 64 KiB chunk fed to SHA-256 twice (harvard-lil/js-wacz#127), so its recorded
 * hash of archive/*.warc.gz never matches the bytes. For a WACZ whose datapackage.json names
 * js-wacz as its software, the file is checked against that doubled hash as well: it is still
 * a SHA-256 of exactly those bytes, so a changed byte is still caught. The import says so.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { formatFingerprint } from '../evidence/signing-key';
import { checkWaczSignature, type WaczSignatureVerdict } from '../evidence/wacz-signature';
import { CuttingsError } from '../../../common/errors';
import { DEFAULT_ZIP_LIMITS, SafeZip, type ZipLimits } from './zip-reader';

/** A WACZ's page, as pages/pages.jsonl lists it. */
export interface WaczPage {
  url: string;
  ts?: string;
  title?: string;
}

/** A WACZ opened and checked: its WARCs copied out, and its pages when it lists them. */
export interface OpenedWacz {
  /** Each WARC: its name in the WACZ (`archive/data.warc.gz`) and where it was copied. */
  warcs: { name: string; path: string }[];
  /** pages/pages.jsonl's pages; null when the WACZ has none. */
  pages: WaczPage[] | null;
  /** What the user should know about the check (a tool's known fault allowed for). */
  notes: string[];
}

/** The chunk js-wacz's file hash feeds twice: Node's file stream's default read size. */
const JS_WACZ_CHUNK = 64 * 1024;

interface Resource {
  path: string;
  hash: string;
}

/** Hash algorithms a datapackage may name, by their label. */
/** What the import says of a WACZ's signature. */
function signatureNote(verdict: WaczSignatureVerdict): string {
  if (!verdict.verified) return `signed, but the signature does not hold: ${verdict.problem.replace(/^wacz: /u, '')}`;
  return `signed (WACZ Signing 0.1.0) by the ECDSA P-384 key ${formatFingerprint(verdict.fingerprint)} on ${verdict.created} with ${verdict.software}: the signature verifies`;
}

const ALGORITHMS: Record<string, string> = { sha256: 'sha256', 'sha-256': 'sha256', sha1: 'sha1', md5: 'md5' };

/**
 * Checks the WACZ at `path` and copies its WARCs into `folder`. `name` is how messages call
 * the file. Throws a `wacz:` CuttingsError naming the file at fault.
 */
export async function openWacz(path: string, name: string, folder: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<OpenedWacz> {
  const zip = await SafeZip.open(path, limits, 'wacz');
  const refused = (message: string) => new CuttingsError('bad-content', `wacz: refused ${name}: ${message}`);
  try {
    if (!zip.entries.has('datapackage.json')) throw new CuttingsError('bad-content', `wacz: ${name} has no datapackage.json; it is not a WACZ`);
    const datapackageBytes = await zip.read('datapackage.json');
    const notes: string[] = [];
    if (zip.entries.has('datapackage-digest.json')) {
      const digestBytes = await zip.read('datapackage-digest.json');
      const digest = parseJson(digestBytes, 'datapackage-digest.json', refused) as { hash?: unknown; signedData?: unknown };
      if (typeof digest.hash !== 'string') throw refused('datapackage-digest.json has no hash');
      if (!matches(datapackageBytes, digest.hash)) throw refused(`datapackage.json does not match its hash in datapackage-digest.json (${digest.hash})`);
      // A signature (WACZ Signing 0.1.0) is checked as ReplayWeb.page checks it, and said either way.
      if (digest.signedData !== undefined) notes.push(signatureNote(checkWaczSignature(digestBytes, datapackageBytes)));
    }
    const datapackage = parseJson(datapackageBytes, 'datapackage.json', refused) as { resources?: unknown; software?: unknown };
    const jsWacz = typeof datapackage.software === 'string' && /js-wacz/iu.test(datapackage.software) ? datapackage.software : null;
    if (!Array.isArray(datapackage.resources)) throw refused('datapackage.json lists no resources');
    const resources = new Map<string, Resource>();
    for (const resource of datapackage.resources as Resource[]) {
      if (typeof resource?.path !== 'string' || typeof resource.hash !== 'string') throw refused('datapackage.json has a resource without a path or a hash');
      if (!zip.entries.has(resource.path)) throw refused(`datapackage.json lists ${resource.path}, which is not in the file`);
      resources.set(resource.path, resource);
    }
    const warcNames = [...zip.entries.keys()].filter((entry) => /^archive\/[^/]+\.warc(\.gz)?$/iu.test(entry));
    if (warcNames.length === 0) throw refused('it has no WARC files in archive/');
    const warcs: OpenedWacz['warcs'] = [];
    for (const [i, entry] of warcNames.entries()) {
      const resource = resources.get(entry);
      if (!resource) throw refused(`${entry} is not listed in datapackage.json, so it cannot be checked`);
      // Named by number, never by the entry's name: nothing in the zip chooses a path on disk.
      const target = join(folder, `warc-${i + 1}${entry.toLowerCase().endsWith('.gz') ? '.warc.gz' : '.warc'}`);
      const hash = hasher(resource.hash, refused, entry);
      await pipeline(await zip.stream(entry), hash.transform, createWriteStream(target));
      if (!hash.matches()) {
        if (!jsWacz || !hash.matchesDoubled()) throw refused(`${entry} does not match its hash in datapackage.json (${resource.hash})`);
        notes.push(`${entry}'s hash was written by ${jsWacz} with its known fault (every 64 KiB hashed twice, harvard-lil/js-wacz#127); the file matches it as that fault computes it`);
      }
      warcs.push({ name: entry, path: target });
    }
    // Every other listed file is checked too: a WACZ is whole or it is refused.
    for (const resource of resources.values()) {
      if (warcNames.includes(resource.path) || resource.path === 'pages/pages.jsonl') continue;
      const hash = hasher(resource.hash, refused, resource.path);
      await pipeline(await zip.stream(resource.path), hash.transform, async function* (source) {
        for await (const _ of source) yield* [];
      });
      if (!hash.matches()) throw refused(`${resource.path} does not match its hash in datapackage.json (${resource.hash})`);
    }
    let pages: WaczPage[] | null = null;
    if (zip.entries.has('pages/pages.jsonl')) {
      const bytes = await zip.read('pages/pages.jsonl');
      const resource = resources.get('pages/pages.jsonl');
      if (resource && !matches(bytes, resource.hash)) throw refused(`pages/pages.jsonl does not match its hash in datapackage.json (${resource.hash})`);
      pages = readPages(bytes.toString('utf8'));
    }
    return { warcs, pages, notes };
  } finally {
    zip.close();
  }
}

/** pages.jsonl's pages: every line with a `url` (the first line is a header with `format`). */
function readPages(text: string): WaczPage[] {
  const pages: WaczPage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<WaczPage>;
      if (typeof value.url === 'string') pages.push({ url: value.url, ...(typeof value.ts === 'string' ? { ts: value.ts } : {}), ...(typeof value.title === 'string' ? { title: value.title } : {}) });
    } catch {
      // A line that is not JSON lists no page.
    }
  }
  return pages;
}

function parseJson(bytes: Buffer, file: string, refused: (message: string) => CuttingsError): unknown {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
    return value;
  } catch (error) {
    throw refused(`${file} does not parse (${(error as Error).message})`);
  }
}

/** `sha256:<hex>` → the algorithm and the hex; throws for one Cuttings cannot check. */
function splitHash(label: string, refused: (message: string) => CuttingsError, file: string): { algorithm: string; hex: string } {
  const [prefix = '', hex = ''] = label.split(':', 2);
  const algorithm = ALGORITHMS[prefix.toLowerCase()];
  if (!algorithm || !/^[0-9a-f]+$/iu.test(hex)) throw refused(`${file}'s hash ${JSON.stringify(label)} is not one Cuttings can check (sha256:<hex>)`);
  return { algorithm, hex: hex.toLowerCase() };
}

function matches(bytes: Buffer, label: string): boolean {
  const [prefix = '', hex = ''] = label.split(':', 2);
  const algorithm = ALGORITHMS[prefix.toLowerCase()];
  return algorithm !== undefined && createHash(algorithm).update(bytes).digest('hex') === hex.toLowerCase();
}

/**
 * A pass-through that hashes what goes through it, and says at the end whether it matched
 * `label` — or matched it as js-wacz's fault computes it (each 64 KiB block fed twice).
 */
function hasher(label: string, refused: (message: string) => CuttingsError, file: string): { transform: Transform; matches: () => boolean; matchesDoubled: () => boolean } {
  const { algorithm, hex } = splitHash(label, refused, file);
  const hash = createHash(algorithm);
  const doubled = createHash(algorithm);
  // The bytes regrouped into js-wacz's 64 KiB blocks, whatever the zip stream's own chunks.
  let block = Buffer.alloc(0);
  const feedDoubled = (bytes: Buffer) => doubled.update(bytes).update(bytes);
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      block = Buffer.concat([block, chunk]);
      while (block.length >= JS_WACZ_CHUNK) {
        feedDoubled(block.subarray(0, JS_WACZ_CHUNK));
        block = block.subarray(JS_WACZ_CHUNK);
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (block.length > 0) feedDoubled(block);
      callback();
    },
  });
  return { transform, matches: () => hash.digest('hex') === hex, matchesDoubled: () => doubled.digest('hex') === hex };
}
