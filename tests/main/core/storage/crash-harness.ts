/**
 * The crash test: a child process (crash-writer.ts) writes to a library in a loop and prints
 * each acknowledged write; it is killed with SIGKILL at a random moment, again and again.
 * After every kill the library must open, `verify` must find no problem, and every
 * acknowledged write must be there.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';

/** How many kills one library lives through before the test starts a new one. */
const LIBRARY_LIFETIME = 40;

/** What a crash run found. */
export interface CrashReport {
  kills: number;
  acknowledgedAdds: number;
  acknowledgedTags: number;
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

/**
 * Kills the writer `kills` times: one kill in ten lands while the library opens (lock,
 * backups, repairs), the others at a random moment in the middle of adds and tag edits.
 */
export async function runCrashTest(options: { kills: number; maxDelayMs?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const { kills, maxDelayMs = 200, log = () => undefined } = options;
  const work = await mkdtemp(join(tmpdir(), 'cuttings-crash-'));
  let libraryPath = join(work, 'library-0');
  const { script, cleanup } = await buildWriter();
  const adds = new Set<string>();
  const tags = new Map<string, string>();
  const failures: string[] = [];
  let acknowledgedAdds = 0;
  let acknowledgedTags = 0;
  try {
    for (let kill = 1; kill <= kills; kill++) {
      // A fresh library every so often keeps each verify short as the test runs on.
      if (kill % LIBRARY_LIFETIME === 0) {
        acknowledgedAdds += adds.size;
        acknowledgedTags += tags.size;
        adds.clear();
        tags.clear();
        libraryPath = join(work, `library-${kill}`);
      }
      const duringOpen = kill % 10 === 0;
      const delay = Math.floor(Math.random() * maxDelayMs);
      const lines = await runAndKill(script, libraryPath, adds.size, delay, duringOpen, work);
      for (const line of lines) {
        const [what, id, tag] = line.split(' ');
        if (what === 'added') adds.add(id!);
        if (what === 'tagged') tags.set(id!, tag!);
      }
      const library = await Library.open(libraryPath);
      try {
        const stored = new Map(library.list().map((article) => [article.id, article]));
        const missing = [...adds].filter((id) => !stored.has(id));
        if (missing.length > 0) failures.push(`kill ${kill}: acknowledged adds missing: ${missing.join(', ')}`);
        for (const [id, tag] of tags) {
          if (!stored.get(id)?.tags.includes(tag)) failures.push(`kill ${kill}: acknowledged tag ${tag} missing on ${id}`);
        }
        const report = await verifyLibrary(library);
        if (report.problems.length > 0) failures.push(`kill ${kill}: verify found ${report.problems.join('; ')}`);
      } finally {
        await library.close();
      }
      if (kill % 25 === 0 || kill === kills) log(`${kill} kills, ${adds.size} acknowledged adds in this library, ${failures.length} failures`);
    }
    acknowledgedAdds += adds.size;
    acknowledgedTags += tags.size;
  } finally {
    await cleanup();
    await rm(work, { recursive: true, force: true });
  }
  return { kills, acknowledgedAdds, acknowledgedTags, failures };
}
