/**
 * Runs a benchmark child script in a fresh Node process, bundled first with esbuild as the
 * app's own code is, so that its start-up time and memory are those of the built app rather
 * than of a TypeScript loader. Resolves to the JSON object the child prints last.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

/** Bundles `script` (a .ts beside this file) and runs it with `args`. */
export async function runChild<T>(script: string, args: string[]): Promise<T> {
  // Inside the repository, so that the bundle's package imports resolve from node_modules;
  // one level below bench/ so that `import.meta.dirname` paths resolve as in the source.
  // Named by this process: checkouts that share one node_modules (git worktrees) and runs at
  // the same time must not run, or delete, each other's bundle.
  const out = join(import.meta.dirname, '..', 'node_modules', '.cache', 'cuttings-bench', `${basename(script, '.ts')}.${process.pid}.mjs`);
  await mkdir(join(out, '..'), { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, script)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
    define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
  });
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', out, ...args], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
  } finally {
    await rm(out, { force: true });
  }
}
