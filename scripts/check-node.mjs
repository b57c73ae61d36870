#!/usr/bin/env node
// Run before `npm start` and `npm run dist` (scripts/test-packaged.mjs asks it too): stops with one line when
// this Node is too old for Electron's own tools. The electron package's downloader
// (@electron/get) and the electron package itself ask for Node 22.12 or newer (their
// package.json `engines`), while the CLI, the tests and the harness run on Node 20.19; without
// this check an old Node fails deep inside a download with a stack trace.
//
//   node scripts/check-node.mjs "npm start"    exits 1 with one line on stderr if Node is too old
import { pathToFileURL } from 'node:url';

/** The oldest Node that Electron's tools accept (node_modules/electron/package.json `engines`). */
export const MINIMUM_NODE = '22.12.0';

/** [major, minor, patch] of a version like `20.20.2` or `v22.12.0`. */
function parts(version) {
  return version.replace(/^v/u, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/**
 * The line to print when `version` is older than `minimum`, or null when it will do.
 *
 * @example nodeVersionProblem('20.20.2', '22.12.0', 'npm start')
 *   // → 'cuttings: npm start needs Node 22.12.0 or newer for Electron (this is Node 20.20.2): install Node 22 or newer (https://nodejs.org, or `nvm install 22`) and run it again'
 */
export function nodeVersionProblem(version, minimum, command) {
  const have = parts(version);
  const need = parts(minimum);
  for (let index = 0; index < 3; index += 1) {
    if ((have[index] ?? 0) > (need[index] ?? 0)) return null;
    if ((have[index] ?? 0) < (need[index] ?? 0)) {
      return `cuttings: ${command} needs Node ${minimum} or newer for Electron (this is Node ${version.replace(/^v/u, '')}): install Node ${need[0]} or newer (https://nodejs.org, or \`nvm install ${need[0]}\`) and run it again`;
    }
  }
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const command = process.argv[2] ?? 'this command';
  const problem = nodeVersionProblem(process.versions.node, MINIMUM_NODE, command);
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
}
