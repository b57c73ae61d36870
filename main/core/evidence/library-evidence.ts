/**
 * A library's evidence, as the rest of the library uses it: the user's signing key (loaded
 * at the first capture, and recorded among the library's keys), sealing captures (their
 * signed manifests), the custody log, the timestamp queue and the TSA chosen for it.
 * Library makes one when it opens; the add pipeline seals every capture through it and
 * records what it stored, so that no way of capturing can skip it.
 *
 * On disk, in `<library>/evidence/`: keys.json, custody.jsonl and custody-head.json,
 * timestamp-queue.txt, timestamps/<XY>/<id>.tsr, timestamping.json (the TSA), and
 * tsa-roots.pem (roots the user trusts). The private keys are not here: they are the
 * user's, in their profile (key-store.ts).
 */
import { readFile, mkdir } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { EvidenceStatus } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { APP_VERSION } from '../storage/app-version';
import type { CapturedContent, OriginalKind } from '../storage/captures';
import { readCapture } from '../storage/captures';
import { writeFileDurably } from '../storage/durable-file';
import type { ArticleRecord } from '../storage/article-record';
import { readSealedManifest, sealCapture, type CaptureEvent } from './capture-manifest';
import { bundleFiles, writeBundle } from './evidence-bundle';
import { dossierVerdict, gatherDossier, type EvidenceLevel } from './evidence-dossier';
import { CustodyLog, type CustodyEventName, type CustodyItem } from './custody-log';
import { defaultKeyFolder, FILE_PERMISSIONS_ONLY, keyFilePath, loadOrCreateKey, type KeyFolder, type KeyPurpose } from './key-store';
import { evidenceFolder, LibraryKeys, type KnownKey } from './library-keys';
import type { SigningKey } from './signing-key';
import { TimestampQueue, type DrainResult } from './timestamp-queue';
import { addedRoots, trustAnchors, trustRoots } from './trust-store';
import { checkTsaUrl, PUBLIC_TSAS } from './tsa-client';
import { subjectOf } from './certificates';
import { signWaczDigest, type WaczSignedData } from './wacz-signature';

/** How a library handles evidence; Library.open passes it on. */
export interface EvidenceOptions {
  /** Where the user's keys are and how they are protected (default: defaultKeyFolder(), file permissions only). */
  keys?: KeyFolder;
  /** Who the key belongs to, recorded with it in the library (default `user@host`). */
  label?: string;
  /**
   * Send waiting timestamps in the background: after each capture, and again every
   * `retryMs` while some wait (the app). Without it they are sent when asked (the CLI, which
   * sends them at the end of a command that captured).
   */
  autoTimestamp?: boolean;
  /** How long to wait before trying an unreachable TSA again (default five minutes). */
  retryMs?: number;
}

interface TimestampingFile {
  tsa: string | null;
}

/** A library's evidence. */
export class LibraryEvidence {
  readonly custody: CustodyLog;
  readonly queue: TimestampQueue;
  private readonly keyFolder: KeyFolder;
  private readonly label: string;
  private keys: Promise<LibraryKeys> | null = null;
  private signing: Promise<SigningKey> | null = null;
  private tsa: string | null | undefined;
  private lastError: string | null = null;
  private draining: Promise<DrainResult> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private readonly stop = new AbortController();

  constructor(
    readonly root: string,
    private readonly readOnly: boolean,
    private readonly options: EvidenceOptions = {},
  ) {
    this.keyFolder = options.keys ?? { folder: defaultKeyFolder(), protector: FILE_PERMISSIONS_ONLY };
    this.label = options.label ?? defaultLabel();
    this.custody = new CustodyLog(root);
    this.queue = new TimestampQueue(root);
  }

  /** The public keys the library knows. */
  knownKeys(): Promise<LibraryKeys> {
    this.keys ??= LibraryKeys.open(this.root).catch((error: unknown) => {
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  /** The user's key for `purpose`, made at first use, and recorded in the library's keys. */
  async key(purpose: KeyPurpose = 'signing'): Promise<SigningKey> {
    const load = async () => {
      const key = await loadOrCreateKey(this.keyFolder, purpose);
      const keys = await this.knownKeys();
      if (!this.readOnly && !keys.get(key.fingerprint)) {
        await keys.add([{ algorithm: key.algorithm, publicKey: key.publicKeyPem, label: `${this.label} (${purpose === 'wacz' ? 'WACZ packages' : 'captures'})` }]);
      }
      return key;
    };
    if (purpose !== 'signing') return load();
    this.signing ??= load().catch((error: unknown) => {
      // A key refused now (its permissions, say) may be mended before the next capture.
      this.signing = null;
      throw error;
    });
    return this.signing;
  }

  /** Seals captures about to be written: each with its signed manifest. Throws (and nothing is written) if the key cannot be used. */
  async seal(captures: { content: CapturedContent; kind: OriginalKind; event?: CaptureEvent }[]): Promise<CapturedContent[]> {
    if (captures.length === 0) return [];
    const key = await this.key();
    return captures.map(({ content, kind, event }) => sealCapture(content, kind, key, event));
  }

  /**
   * Records captures just written (sealed, or restored as another library sealed them): a
   * custody entry for each kind of event, and the sealed ones queued for a timestamp (but
   * those in `stamped`, which came with theirs). Call
   * it after the captures are on disk and before the catalog names them: a failure here
   * stops the add, so every stored capture has its entry.
   */
  async recordCaptured(contents: readonly CapturedContent[], event?: CaptureEvent, stamped: ReadonlySet<string> = new Set(), detail?: string): Promise<void> {
    if (contents.length === 0) return;
    const key = await this.key();
    const byEvent = new Map<CustodyEventName, CustodyItem[]>();
    const sealed: string[] = [];
    for (const content of contents) {
      const manifest = readSealedManifest(content);
      const kind: CustodyEventName = event ?? manifest?.manifest.event ?? 'imported';
      const item: CustodyItem = manifest
        ? { article: content.id, manifest: manifest.sha256 }
        : { article: content.id, original: content.record?.provenance.originalSha256, text: content.record?.provenance.textSha256 };
      if (!byEvent.has(kind)) byEvent.set(kind, []);
      byEvent.get(kind)!.push(item);
      // One that came with its timestamp (an archive import) does not wait for another.
      if (manifest && !stamped.has(content.id)) sealed.push(content.id);
    }
    for (const [kind, items] of byEvent) await this.custody.append(kind, items, key, detail);
    if (sealed.length > 0) await this.queue.add(sealed);
    this.scheduleDrain(0);
  }

  /**
   * Records articles a catalog repair put back from their captures (storage/shard-repair.ts):
   * adds that a crash stopped after the capture was written and before the catalog named it,
   * some of them before their custody entry was written. Each gets an entry saying so, so that
   * every article the catalog names has one, and the log tells how it came back.
   */
  async recordRecovered(ids: readonly string[]): Promise<void> {
    if (this.readOnly || ids.length === 0) return;
    const contents = await Promise.all(ids.map((id) => readCapture(this.root, id)));
    await this.recordCaptured(contents, undefined, new Set(), 'put back from its capture by a catalog repair: its add had not finished when the library last closed');
  }

  /**
   * Records public keys another library knew (an archive imported), with their labels as
   * they were, so that what they signed can be checked here. The custody log's entry for the
   * import names where they came from.
   */
  async learnKeys(keys: readonly Pick<KnownKey, 'algorithm' | 'publicKey' | 'label'>[]): Promise<void> {
    if (this.readOnly || keys.length === 0) return;
    await (await this.knownKeys()).add(keys.map((key) => ({ algorithm: key.algorithm, publicKey: key.publicKey, label: key.label })));
  }

  /** Records captures written but never stored (the catalog could not be saved); best effort. */
  async recordAbandoned(ids: readonly string[], reason: string): Promise<void> {
    const key = await this.key();
    await this.custody.append('abandoned', ids.map((article) => ({ article })), key, reason);
  }

  /** Records an export of articles: the format and the file's name. */
  async recordExport(format: string, ids: readonly string[], file: string): Promise<void> {
    if (this.readOnly || ids.length === 0) return;
    await this.custody.append('exported', ids.map((article) => ({ article })), await this.key(), `${format} to ${file}`);
  }

  /**
   * Signs a WACZ being exported: its datapackage-digest.json's `signedData`, with the user's
   * ECDSA P-384 key (made at first use, recorded among the library's keys), see wacz-signature.ts.
   */
  async signWacz(digest: { hash: string }, created: Date): Promise<{ signedData: WaczSignedData }> {
    return signWaczDigest(digest, await this.key('wacz'), { created, software: `Cuttings ${APP_VERSION}` });
  }

  /** Records a deletion with the hashes the cutting had: the entry outlives it. */
  async recordDeletion(contents: readonly CapturedContent[], reason: string): Promise<void> {
    const items = contents.map((content): CustodyItem => {
      const manifest = readSealedManifest(content);
      return {
        article: content.id,
        ...(manifest ? { manifest: manifest.sha256 } : {}),
        original: content.record?.provenance.originalSha256,
        text: content.record?.provenance.textSha256,
      };
    });
    await this.custody.append('deleted', items, await this.key(), reason);
  }

  /**
   * Records a change of a cutting's details (title, date, author, source) after capture:
   * `item` names it and its manifest, `detail` says each field from what to what.
   */
  async recordEdit(item: CustodyItem, detail: string): Promise<void> {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.root} is open read-only`);
    await this.custody.append('edited', [item], await this.key(), detail);
  }

  // ---- timestamps ----

  /** The TSA chosen for this library, or null for none. */
  async chosenTsa(): Promise<string | null> {
    this.tsa ??= await readChosenTsa(this.root);
    return this.tsa;
  }

  /** Chooses the library's TSA (null: none); waiting captures are sent to it at once when sending is automatic. */
  async chooseTsa(url: string | null): Promise<string | null> {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.root} is open read-only`);
    const tsa = url === null || url.trim() === '' ? null : checkTsaUrl(url.trim());
    await mkdir(evidenceFolder(this.root), { recursive: true });
    await writeFileDurably(timestampingFile(this.root), `${JSON.stringify({ tsa } satisfies TimestampingFile, null, 2)}\n`);
    this.tsa = tsa;
    this.lastError = null;
    this.scheduleDrain(0);
    return tsa;
  }

  /** Adds TSA roots the user trusts (PEM text from `source`); returns their subjects. */
  async trustTsaRoots(pem: string, source: string): Promise<string[]> {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.root} is open read-only`);
    return trustRoots(this.root, pem, source);
  }

  /**
   * Sends every waiting timestamp request to `tsa` (default: the library's TSA) now, one
   * after another, and resolves to what happened. Without a TSA, it says so.
   */
  async timestampNow(options: { tsa?: string; signal?: AbortSignal } = {}): Promise<DrainResult> {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.root} is open read-only`);
    const tsa = options.tsa ? checkTsaUrl(options.tsa) : await this.chosenTsa();
    if (!tsa) throw new CuttingsError('invalid-input', 'timestamp: no TSA is chosen for this library; choose one in Settings, or give one with --tsa URL');
    // One drain at a time: a second ask waits for the one under way, then sends what is left.
    while (this.draining) await this.draining.catch(() => undefined);
    const signal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
    this.draining = (async () => {
      const anchors = await trustAnchors(this.root);
      return this.queue.drain({ tsa, anchors, signal, manifestOf: (id) => this.manifestBytes(id) });
    })();
    try {
      const result = await this.draining;
      this.lastError = result.error ?? result.untrusted;
      return result;
    } finally {
      this.draining = null;
    }
  }

  /** A waiting capture's manifest bytes; null if it is gone or has none. */
  private async manifestBytes(id: string): Promise<Buffer | null> {
    const content = await readCapture(this.root, id).catch(() => null);
    return content ? (readSealedManifest(content)?.bytes ?? null) : null;
  }

  /** In the background (when automatic): sends the waiting requests after `delayMs`, and again later while the TSA cannot be reached. */
  private scheduleDrain(delayMs: number): void {
    if (!this.options.autoTimestamp || this.readOnly || this.stop.signal.aborted) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.backgroundDrain();
    }, delayMs);
    this.retry.unref();
  }

  private async backgroundDrain(): Promise<void> {
    if (this.draining || !(await this.chosenTsa()) || (await this.queue.count()) === 0) return;
    const result = await this.timestampNow().catch((error: unknown) => ({ error: (error as Error).message, waiting: 1 }));
    if (result.error && result.waiting > 0) this.scheduleDrain(this.options.retryMs ?? 5 * 60_000);
  }

  /** Everything Settings shows of evidence. */
  async status(): Promise<EvidenceStatus> {
    let signingKey: EvidenceStatus['signingKey'] = null;
    let keyError: string | null = null;
    try {
      const key = await this.key();
      signingKey = { fingerprint: key.fingerprint, protection: key.protection, file: key.path };
    } catch (error) {
      keyError = (error as Error).message;
    }
    const keys = await this.knownKeys();
    const own = new Set([signingKey?.fingerprint]);
    return {
      signingKey,
      keyError,
      keys: keys.list().map((key) => ({ fingerprint: key.fingerprint, algorithm: key.algorithm, label: key.label, added: key.added, own: own.has(key.fingerprint) })),
      tsa: await this.chosenTsa(),
      publicTsas: PUBLIC_TSAS,
      waiting: await this.queue.count(),
      lastError: this.lastError,
      trustedRoots: (await addedRoots(this.root)).map(subjectOf),
    };
  }

  /**
   * Writes a capture's evidence report (a PDF, evidence-report.ts) to `pdf` and, when asked,
   * the bundle of files a third party verifies it with into the new or empty folder `bundle`
   * (evidence-bundle.ts); records the export in the custody log. Resolves to the report's
   * verdict. Nothing is written when the bundle cannot be made (a capture without a manifest).
   */
  async writeReport(record: ArticleRecord, output: { pdf: string; bundle?: string }): Promise<{ level: EvidenceLevel; reasons: string[] }> {
    // A capture waits for a timestamp only where a TSA is chosen to send it to.
    const waiting = (await this.chosenTsa()) !== null && (await this.queue.has(record.id));
    const dossier = await gatherDossier({ root: this.root, record, keys: await this.knownKeys(), anchors: await trustAnchors(this.root), waiting });
    const files = output.bundle ? bundleFiles(dossier) : null;
    // Loaded when a report is written: pdf-lib and the fonts are large, and most runs never need them.
    const { evidenceReportPdf } = await import('./evidence-report');
    const pdf = Buffer.from(await evidenceReportPdf(dossier));
    try {
      await writeFileDurably(output.pdf, pdf);
    } catch (error) {
      throw new CuttingsError('library', `evidence: cannot write ${output.pdf}: ${(error as Error).message}`);
    }
    if (files && output.bundle) {
      files.set('report.pdf', pdf);
      await writeBundle(output.bundle, files);
    }
    if (!this.readOnly) await this.recordExport('evidence report', [record.id], basename(output.pdf));
    return dossierVerdict(dossier);
  }

  /** The file the user's key for `purpose` is kept in. */
  keyFile(purpose: KeyPurpose): string {
    return keyFilePath(this.keyFolder, purpose);
  }

  /** Stops sending in the background and waits for a send under way to stop. */
  async close(): Promise<void> {
    clearTimeout(this.retry);
    this.stop.abort();
    await this.draining?.catch(() => undefined);
  }
}

function timestampingFile(root: string): string {
  return join(evidenceFolder(root), 'timestamping.json');
}

/** The TSA chosen for the library at `root` (`evidence/timestamping.json`), or null for none. */
export async function readChosenTsa(root: string): Promise<string | null> {
  try {
    const file = JSON.parse(await readFile(timestampingFile(root), 'utf8')) as TimestampingFile;
    return typeof file.tsa === 'string' ? checkTsaUrl(file.tsa) : null;
  } catch {
    // Missing (none chosen) or unreadable: none, and nothing is sent.
    return null;
  }
}

function defaultLabel(): string {
  let user = 'user';
  try {
    user = userInfo().username;
  } catch {
    // No user name on this system: keep the generic one.
  }
  return `${user}@${hostname()}`;
}
