#!/usr/bin/env node
// The `cuttings` command. The CLI itself is built into dist/ by `npm run build`
// (npm install runs it too); this file only finds it and says what to do if it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/main/cli/cuttings.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('cuttings: the command line is not built yet; run `npm run build` in the project folder\n');
  process.exit(1);
}
// `cuttings list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
