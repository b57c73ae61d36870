/**
 * Runs the CLI's main() in the test's own process with its output captured, as each CLI test
 * does: faster than a child process, and the same code path but for the process boundary
 * (tests/main/cli/cuttings.test.ts runs the built bin as a real process too).
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../../main/cli/cuttings';
import { makeTempFolder } from '../../paths';

/** What a command printed and the exit status it gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cuttings ARGS` with the environment `env` and `stdin` as standard input. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, stdin: string | Buffer = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(stdin.length === 0 ? [] : [Buffer.from(stdin)]),
    env,
  });
  return { code, stdout, stderr };
}

/** A CLI test's library folder, made before each test and removed after, and `run` over it. */
export interface CliInTempLibrary {
  /** The test's temporary folder (the library is its `library/`). */
  readonly folder: { path: string; remove: () => Promise<void> };
  /** Where CUTTINGS_LIBRARY points: `library/` in the folder, not made until a command writes. */
  readonly libraryPath: string;
  /** Runs `cuttings ARGS` over that library with `stdin` and more of the environment. */
  run(args: string[], stdin?: string, env?: NodeJS.ProcessEnv): Promise<CliRun>;
}

/**
 * Gives every test of the file calling it a fresh temporary folder whose `library/` the CLI
 * is pointed at (CUTTINGS_LIBRARY), removed after the test: the setup each CLI test shares.
 */
export function cliInTempLibrary(): CliInTempLibrary {
  let folder: { path: string; remove: () => Promise<void> } | undefined;
  beforeEach(async () => {
    folder = await makeTempFolder();
  });
  afterEach(() => folder?.remove());
  const current = () => {
    if (!folder) throw new Error('run-cli: the temporary library exists only inside a test');
    return folder;
  };
  return {
    get folder() {
      return current();
    },
    get libraryPath() {
      return join(current().path, 'library');
    },
    run(args, stdin = '', env = {}) {
      return runCli(args, { CUTTINGS_LIBRARY: join(current().path, 'library'), ...env }, stdin);
    },
  };
}
