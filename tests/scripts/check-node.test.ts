// `npm start` and `npm run dist` on a Node older than Electron's tools accept stop with one
// line that says what to install (scripts/check-node.mjs), instead of a stack trace from
// inside Electron's downloader.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

const SCRIPT = join(REPO_ROOT, 'scripts', 'check-node.mjs');
const { MINIMUM_NODE, nodeVersionProblem } = (await import(SCRIPT)) as {
  MINIMUM_NODE: string;
  nodeVersionProblem(version: string, minimum: string, command: string): string | null;
};

describe('scripts/check-node.mjs', () => {
  it("asks for the Node that Electron's package and its downloader ask for", async () => {
    for (const dependency of ['electron', '@electron/get']) {
      const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules', dependency, 'package.json'), 'utf8')) as { engines: { node: string } };
      expect(manifest.engines.node.replace(/[>=\s]/gu, ''), dependency).toBe(MINIMUM_NODE);
    }
    expect(await readFile(join(REPO_ROOT, 'README.md'), 'utf8')).toContain('Node 22.12');
  });

  it('says in one line what to install when Node is older, and nothing when it will do', () => {
    expect(nodeVersionProblem('20.20.2', '22.12.0', 'npm start')).toBe(
      'cuttings: npm start needs Node 22.12.0 or newer for Electron (this is Node 20.20.2): install Node 22 or newer (https://nodejs.org, or `nvm install 22`) and run it again',
    );
    expect(nodeVersionProblem('v22.11.9', '22.12.0', 'npm run dist')).toMatch(/^cuttings: npm run dist needs Node 22\.12\.0 or newer for Electron \(this is Node 22\.11\.9\)/u);
    expect(nodeVersionProblem('22.9.0', '22.12.0', 'npm start')).not.toBeNull();
    for (const version of ['22.12.0', '22.13.1', '23.0.0', '24.4.0', 'v26.1.0']) expect(nodeVersionProblem(version, '22.12.0', 'npm start'), version).toBeNull();
  });

  it('stops `npm start` with exit status 1 and that line on this Node if it is too old, and lets it go on if not', async () => {
    const problem = nodeVersionProblem(process.versions.node, MINIMUM_NODE, 'npm start');
    const run = await promisify(execFile)(process.execPath, [SCRIPT, 'npm start']).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(run).toEqual(problem === null ? { code: 0, stdout: '', stderr: '' } : { code: 1, stdout: '', stderr: `${problem}\n` });
  });

  it('runs before electron in npm start and before electron-builder in npm run dist', async () => {
    const { scripts } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^node scripts\/check-node\.mjs "npm start" && .*electron \.$/u);
    expect(scripts.dist).toMatch(/^node scripts\/check-node\.mjs "npm run dist" && .*electron-builder$/u);
  });
});
