/**
 * Which shard of the catalog holds an article. Ids are ULIDs, whose last characters are
 * random, so two characters spread articles evenly over up to 1,024 small files: one edit
 * rewrites about a thousandth of the catalog.
 */

/** The shard of an id: its last two characters, upper-cased (ULIDs are upper-case already). */
export function shardOf(id: string): string {
  const key = id.slice(-2).toUpperCase();
  if (!/^[0-9A-Z]{2}$/u.test(key)) throw new Error(`catalog: id ${JSON.stringify(id)} cannot be sharded`);
  return key;
}

/** True when a file name is a catalog shard (`AB.json`). */
export function isShardFile(name: string): boolean {
  return /^[0-9A-Z]{2}\.json$/u.test(name);
}
