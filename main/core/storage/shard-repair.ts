/**
 * Rebuilding a damaged catalog shard, so that no acknowledged change is lost: the damaged
 * file is copied to quarantine, what the newest backup that parses holds of the shard's range
 * of ids is the starting point (or nothing, with no backup of it), every journaled change made
 * since that backup to an id of the range is replayed in order (catalog-journal.ts: the
 * journal entry each backup file was written with says where to start, for the ids of its
 * range — shards may have split since the backup), and the articles of the range whose
 * captures are on disk but which neither names are put back from the record each capture
 * holds. All of it is built in memory and then renamed over the damaged
 * file in one step, journaled whole: a crash half-way leaves the damaged file, repaired again
 * at the next open, never the bare backup copy, which parses and would hide the changes since.
 */
import type { ArticleRecord } from './article-record';
import { quarantineShard, readRangeBackup } from './backups';
import { listCaptureIds, readCapture } from './captures';
import type { Catalog } from './catalog';
import { readJournal, type JournalReading } from './catalog-journal';

/**
 * Repairs one damaged shard of a library open for writing; returns the notice for the user.
 * `journal` is the journal as read once for all the shards repaired at one open (each repair
 * only adds an entry of its own shard), read here when not given. `onRecovered` hears each
 * article put back from its capture alone (an add a crash stopped before the catalog named
 * it), for the custody log.
 */
export async function repairShard(root: string, catalog: Catalog, shard: string, journal?: JournalReading, onRecovered?: (id: string) => void): Promise<string> {
  const quarantinedTo = await quarantineShard(root, shard);
  const range = catalog.rangeOf(shard);
  const inRange = (id: string) => id >= range.start && (range.end === null || id < range.end);
  const restored = await readRangeBackup(root, range.start, range.end);
  const since = restored?.changeNumber ?? 0;
  const journaledTo = restored?.journaledTo ?? (() => 0);
  const articles = { ...(restored?.articles ?? {}) } as Record<string, ArticleRecord>;
  const removed = new Set<string>();
  const fromCapture = async (id: string) => (await readCapture(root, id).catch(() => null))?.record ?? null;

  const { entries, damagedLines } = journal ?? (await readJournal(root));
  let newest = since;
  let replayed = 0;
  let unplaceable = 0;
  for (const entry of entries) {
    newest = Math.max(newest, entry.shards[shard] ?? 0);
    let replays = false;
    // An entry that holds a whole shard takes the place of what came before it in that shard's range then.
    for (const full of entry.full ?? []) {
      const end = entry.ends?.[full] ?? null;
      for (const id of Object.keys(articles)) {
        if (id >= full && (end === null || id < end) && entry.seq > journaledTo(id)) delete articles[id];
      }
    }
    for (const [id, change] of Object.entries(entry.changes)) {
      if (!inRange(id) || entry.seq <= journaledTo(id)) continue;
      replays = true;
      if (change === null) {
        delete articles[id];
        removed.add(id);
        continue;
      }
      removed.delete(id);
      if ('r' in change) {
        articles[id] = change.r;
        continue;
      }
      if ('c' in change) {
        // A new article journaled as a pointer: its record is the one its capture holds.
        const record = await fromCapture(id);
        if (record) articles[id] = record;
        else unplaceable++;
        continue;
      }
      // Fields changed of a record the backup, an earlier entry or (failing both) the capture holds.
      const before = articles[id] ?? (await fromCapture(id));
      if (!before) {
        unplaceable++;
        continue;
      }
      const next: Record<string, unknown> = { ...before, ...change.s };
      for (const key of change.u ?? []) delete next[key];
      articles[id] = next as unknown as ArticleRecord;
    }
    if (replays) replayed++;
  }

  let recovered = 0;
  // Captures are filed by their ids' last characters, not by range: every folder is looked at.
  for (const id of await listCaptureIds(root)) {
    if (!inRange(id) || articles[id] || removed.has(id)) continue;
    const record = await fromCapture(id);
    if (record) {
      articles[id] = record;
      recovered++;
      onRecovered?.(id);
    }
  }
  // Past every number the shard reached, so that derived data (the search index) sees it changed.
  await catalog.replaceShard(shard, articles, newest + 1);

  const from = restored ? `restored from the backup of ${restored.backup}` : 'no backup of it could be read';
  const parts = [`library: catalog shard ${shard} was damaged and moved to ${quarantinedTo}; ${from}`];
  if (replayed > 0) parts.push(`${replayed} change(s) made since replayed from the journal`);
  if (recovered > 0) parts.push(`${recovered} article(s) recovered from their captures`);
  if (unplaceable > 0) parts.push(`${unplaceable} journaled change(s) to articles found neither in a backup nor in a capture could not be replayed`);
  if (damagedLines > 0) parts.push(`${damagedLines} damaged line(s) of the journal skipped`);
  return parts.join('; ');
}
