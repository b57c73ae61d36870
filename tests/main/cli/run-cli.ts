/**
 * Runs the CLI's main() in the test's own process with its output captured, as each CLI test
 * does: faster than a child process, and the same code path but for the process boundary
 * (tests/main/cli/cuttings.test.ts runs the built bin as a real process too).
 */
import { Readable } from 'node:stream';
import { main } from '../../../main/cli/cuttings';

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
