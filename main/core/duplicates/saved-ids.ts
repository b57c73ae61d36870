/**
 * Ordinal → id as the duplicate index's snapshot keeps them (duplicate-snapshot.ts): the ids'
 * UTF-8 bytes one after another and where each begins, an id decoded only when asked for.
 *
 * Why: at 1,000,000 articles, decoding the snapshot's 26 MB of ids into one string and then
 * cutting it apart held the main thread 46–57 ms each at the first clip after a restart, and a
 * clip asks for the ids of its few candidates only.
 */
import { yieldToOthers } from '../yield-to-others';

/** Ids encoded between two turns of the event loop when a list is made. */
const SLICE = 50_000;

export class SavedIds {
  constructor(
    /** Every id's bytes, one after another. */
    readonly bytes: Buffer,
    /** Where id i begins; starts[length] is where the bytes end. */
    readonly starts: Uint32Array,
  ) {
    if (starts.length === 0 || starts[0] !== 0 || starts[starts.length - 1] !== bytes.length) throw new Error(`saved ids: ${starts.length - 1} ids do not end where their ${bytes.length} bytes do`);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(ordinal: number): string | undefined {
    if (ordinal < 0 || ordinal >= this.length) return undefined;
    return this.bytes.toString('utf8', this.starts[ordinal]!, this.starts[ordinal + 1]!);
  }

  /** The ids of `before` (when given), then `ids`, encoded a slice at a time. */
  static async of(ids: readonly string[], before?: SavedIds): Promise<SavedIds> {
    const starts = new Uint32Array((before?.length ?? 0) + ids.length + 1);
    if (before) starts.set(before.starts);
    const chunks: Buffer[] = before ? [before.bytes] : [];
    let ordinal = before?.length ?? 0;
    let end = before?.bytes.length ?? 0;
    for (let from = 0; from < ids.length; from += SLICE) {
      const slice = ids.slice(from, from + SLICE);
      chunks.push(Buffer.from(slice.join(''), 'utf8'));
      for (const id of slice) starts[++ordinal] = end += Buffer.byteLength(id, 'utf8');
      await yieldToOthers();
    }
    return new SavedIds(Buffer.concat(chunks), starts);
  }
}
