/**
 * Which folder of `articles/` holds an article's capture (and of `evidence/timestamps/` its
 * timestamp): the id's last two characters. ULIDs end in random characters, so two of them
 * spread captures evenly over up to 1,024 folders, none of which grows too big to list. The
 * catalog's shards are another matter (shard-ranges.ts): they split ids by range.
 */

/** The capture folder of an id: its last two characters, upper-cased (ULIDs are upper-case already). */
export function captureFolderOf(id: string): string {
  const key = id.slice(-2).toUpperCase();
  if (!/^[0-9A-Z]{2}$/u.test(key)) throw new Error(`captures: id ${JSON.stringify(id)} has no capture folder`);
  return key;
}
