// `npm run test:packaged` where it cannot run (scripts/test-packaged.mjs): on a Node older than
// Electron's tools accept it says so in one line and exits 0, before it builds or downloads
// anything, so a maintainer sees why and CI is not failed by a missing binary. On a newer Node
// the script would download Electron and pack the app, which is no unit test's job: skipped.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

const { MINIMUM_NODE, nodeVersionProblem } = (await import(join(REPO_ROOT, 'scripts', 'check-node.mjs'))) as {
  MINIMUM_NODE: string;
  nodeVersionProblem(version: string, minimum: string, command: string): string | null;
};
const tooOld = nodeVersionProblem(process.versions.node, MINIMUM_NODE, 'npm run test:packaged') !== null;
if (!tooOld) console.log(`test-packaged.test.ts: Node ${process.versions.node} can run npm run test:packaged, so its old-Node line is not checked here`);

describe('scripts/test-packaged.mjs', () => {
  it.runIf(tooOld)('on a Node too old for Electron says in one line why it did not run, and exits 0', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'test-packaged.mjs')], { cwd: REPO_ROOT, timeout: 30_000 });
    expect(stderr).toBe('');
    expect(stdout).toBe(
      `test:packaged: skipped, npm run test:packaged needs Node ${MINIMUM_NODE} or newer for Electron (this is Node ${process.versions.node}): install Node 22 or newer (https://nodejs.org, or \`nvm install 22\`)\n`,
    );
  });
});
