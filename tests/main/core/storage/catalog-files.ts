// Where a library's catalog keeps an article, for tests that damage or read a shard file.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isShardFile, ShardRanges } from '../../../../main/core/storage/shard-ranges';

/** The name of the catalog shard of the library at `root` whose range holds `id`, from the files there now. */
export async function catalogShardOf(root: string, id: string): Promise<string> {
  const names = (await readdir(join(root, 'catalog'))).filter(isShardFile);
  return new ShardRanges(names.map((name) => name.slice(0, -'.json'.length))).shardOf(id);
}

/** The path of that shard's file. */
export async function catalogShardPath(root: string, id: string): Promise<string> {
  return join(root, 'catalog', `${await catalogShardOf(root, id)}.json`);
}
