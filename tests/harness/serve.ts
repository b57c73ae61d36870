/**
 * `npm run serve`: the built renderer over a real library in any browser, for working on
 * the UI without Electron. Stays up until Ctrl-C.
 *
 *   npm run serve -- [--library DIR] [--port N]
 *
 * Without --library it uses a new folder in the system's temporary folder and prints it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness';

const USAGE = 'usage: npm run serve -- [--library DIR] [--port N]   (default port 5174)';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      library: { type: 'string' },
      port: { type: 'string', default: '5174' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`serve: --port ${JSON.stringify(values.port)} is not a port number (0–65535)`);
  }
  const libraryPath = values.library ? resolve(values.library) : await mkdtemp(join(tmpdir(), 'cuttings-serve-'));
  const harness = await startHarness({ libraryPath, port });
  console.log(`Library: ${libraryPath}${values.library ? '' : ' (a new temporary folder)'}`);
  console.log(`Cuttings is at ${harness.url}  (Ctrl-C to stop)`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
