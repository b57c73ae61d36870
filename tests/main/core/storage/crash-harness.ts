/**
 * The crash test: a child process (crash-writer.ts) adds articles and edits their tags, notes
 * and highlights in a loop and prints each acknowledged write; it is killed with SIGKILL at a
 * random moment, again and again. After every kill one catalog shard is damaged (cut short,
 * as a bad disk block or a sync tool might leave it); the library must then open, repairing
 * the shard from its backup (now and then the test makes one), the journal and the captures;
 * `verify` must find no problem; and every acknowledged write must be there. Each library
 * starts a little short of a full shard (SEEDED), so that the writer's adds split shards
 * (storage/shard-ranges.ts) while kills land and damaged shards are repaired across splits.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { makeDailyBackup } from '../../../../main/core/storage/backups';
import { isShardFile, SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { annotationState } from './crash-state';

/** How many kills one library lives through before the test starts a new one. */
const LIBRARY_LIFETIME = 40;

/** One kill in this many is followed by a backup, as a new day's first open makes one. */
const BACKUP_EVERY = 7;

/** Articles each library starts with: the writer's first adds take the newest shard past the bound. */
const SEEDED = SHARD_BOUND - 16;

/** What a crash run found. */
export interface CrashReport {
  kills: number;
  acknowledgedAdds: number;
  /** Acknowledged edits of tags, notes and highlights checked after the kills. */
  acknowledgedEdits: number;
  /** Shards damaged after a kill (one a kill, when the library has any). */
  damagedShards: number;
  /** The most catalog shards a library had after a kill: above 1 once shards were split. */
  mostShards: number;
  /** Acknowledged adds and edits found missing: must be 0. */
  lost: number;
  /** Each failure: a kill after which the library was not whole. Empty when all is well. */
  failures: string[];
}

/** Builds the child once into a temporary folder and returns its path and a cleanup. */
async function buildWriter(): Promise<{ script: string; cleanup: () => Promise<void> }> {
  // Inside the repository, so that the bundle's imports of packages resolve (ESM ignores NODE_PATH).
  const cache = join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, 'cuttings-crash-writer-'));
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-writer.ts')],
    outdir: folder,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  return { script: join(folder, 'crash-writer.mjs'), cleanup: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * Runs the child and kills it `delayMs` after it has opened the library (or after it
 * started, with `duringOpen`); resolves to the lines it printed.
 */
function runAndKill(script: string, libraryPath: string, startAt: number, delayMs: number, duringOpen: boolean, cwd: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, libraryPath, String(startAt)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs));
    if (duringOpen) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('open\n')) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`crash writer exited by itself (code ${code}): ${err.trim()}`));
      // A line cut by the kill was never acknowledged in full: keep complete lines only.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

/** Starts a library with SEEDED articles, as an import would; returns their ids. */
async function seedLibrary(libraryPath: string): Promise<string[]> {
  const library = await Library.open(libraryPath);
  try {
    const items = Array.from({ length: SEEDED }, (_, i) => ({
      kind: 'text' as const,
      request: { text: `Seed report ${i}\n\nThe seed committee met about item ${i} before the crash test began.` },
      method: 'import' as const,
    }));
    const { added } = await library.addBatch(items);
    return added.map((article) => article.id);
  } finally {
    await library.close();
  }
}

/** True when the library's catalog names the article. */
function holds(library: Library, id: string): boolean {
  try {
    library.record(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * Damages one catalog shard of the library, at random: cut to half its length, as a torn
 * write or a bad block leaves a file. Returns its name, or null when there is none yet.
 */
async function damageRandomShard(libraryPath: string): Promise<string | null> {
  const shards = (await readdir(join(libraryPath, 'catalog')).catch(() => [] as string[])).filter(isShardFile);
  if (shards.length === 0) return null;
  const name = shards[Math.floor(Math.random() * shards.length)]!;
  const path = join(libraryPath, 'catalog', name);
  const content = await readFile(path);
  await writeFile(path, content.subarray(0, Math.floor(content.length / 2)));
  return name;
}

/**
 * Kills the writer `kills` times: one kill in ten lands while the library opens (lock,
 * backups, repairs), the others at a random moment in the middle of adds and edits. After
 * each kill a shard is damaged and the library opened and checked.
 */
export async function runCrashTest(options: { kills: number; maxDelayMs?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const { kills, maxDelayMs = 200, log = () => undefined } = options;
  const work = await mkdtemp(join(tmpdir(), 'cuttings-crash-'));
  let libraryPath = join(work, 'library-0');
  const { script, cleanup } = await buildWriter();
  const adds = new Set<string>();
  /** Each edited article's state after its last acknowledged edit, and after one cut short (which may have happened). */
  const edits = new Map<string, { did?: string; will?: string }>();
  const failures: string[] = [];
  let acknowledgedAdds = 0;
  let acknowledgedEdits = 0;
  let damagedShards = 0;
  let mostShards = 0;
  let lost = 0;
  let backups = 0;
  try {
    for (const id of await seedLibrary(libraryPath)) adds.add(id);
    for (let kill = 1; kill <= kills; kill++) {
      // A fresh library every so often keeps each verify short as the test runs on.
      if (kill % LIBRARY_LIFETIME === 0) {
        acknowledgedAdds += adds.size;
        adds.clear();
        edits.clear();
        libraryPath = join(work, `library-${kill}`);
        for (const id of await seedLibrary(libraryPath)) adds.add(id);
      }
      const duringOpen = kill % 10 === 0;
      const delay = Math.floor(Math.random() * maxDelayMs);
      const lines = await runAndKill(script, libraryPath, adds.size, delay, duringOpen, work);
      for (const line of lines) {
        const [what, id] = line.split(' ', 2);
        const state = line.slice(`${what} ${id} `.length);
        if (what === 'added') adds.add(id!);
        else if (what === 'will') edits.set(id!, { ...edits.get(id!), will: state });
        else if (what === 'did') {
          edits.set(id!, { did: state });
          acknowledgedEdits++;
        }
      }
      // Backups are taken at a day's first open: now and then, one in the past (older than
      // today's, made when the library was new), so that repairs start from it.
      if (kill % BACKUP_EVERY === 0 && adds.size > 0) await makeDailyBackup(libraryPath, new Date(Date.UTC(2000, 0, 1 + backups++)));
      mostShards = Math.max(mostShards, (await readdir(join(libraryPath, 'catalog'))).filter(isShardFile).length);
      if (await damageRandomShard(libraryPath)) damagedShards++;
      const library = await Library.open(libraryPath);
      try {
        const missing = [...adds].filter((id) => !holds(library, id));
        if (missing.length > 0) failures.push(`kill ${kill}: acknowledged adds missing: ${missing.join(', ')}`);
        lost += missing.length;
        for (const [id, { did, will }] of edits) {
          if (!holds(library, id)) continue;
          const now = JSON.stringify(annotationState(library.record(id)));
          // Acknowledged, or the edit the kill cut short, if it had reached the disk.
          if (now === did || now === will || (did === undefined && will === undefined)) continue;
          if (did === undefined) continue;
          failures.push(`kill ${kill}: acknowledged edit of ${id} lost: expected ${did}${will ? ` (or ${will})` : ''}, found ${now}`);
          lost++;
        }
        const report = await verifyLibrary(library);
        if (report.problems.length > 0) failures.push(`kill ${kill}: verify found ${report.problems.join('; ')}`);
      } finally {
        await library.close();
      }
      if (kill % 25 === 0 || kill === kills) log(`${kill} kills, ${adds.size} acknowledged adds in this library, ${failures.length} failures`);
    }
    acknowledgedAdds += adds.size;
  } finally {
    await cleanup();
    await rm(work, { recursive: true, force: true });
  }
  return { kills, acknowledgedAdds, acknowledgedEdits, damagedShards, mostShards, lost, failures };
}
