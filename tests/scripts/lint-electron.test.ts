// `npm run lint:electron` must fail on a real finding and on an exception without a reason,
// and pass once the exception says why: run on small trees of the app's shape.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Runs the script over a tree whose main/window.ts holds `source`; returns its exit code and output. */
async function lint(source: string): Promise<{ code: number; output: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-lint-electron-'));
  folders.push(folder);
  await mkdir(join(folder, 'main'));
  await writeFile(join(folder, 'main', 'window.ts'), source);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'lint-electron.mjs'), '--root', folder]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const WINDOW = "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });";

describe('lint-electron', () => {
  it('fails on a window without isolation or sandbox, and on an app that limits neither navigation nor permissions', async () => {
    const { code, output } = await lint(`${WINDOW}\n`);
    expect(code).toBe(1);
    expect(output).toMatch(/main\/window\.ts:2:\d+ CONTEXT_ISOLATION_JS_CHECK/u);
    expect(output).toMatch(/main\/window\.ts:2:\d+ SANDBOX_JS_CHECK/u);
    expect(output).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(output).toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('fails on an exception without a reason, and passes the same line with one', async () => {
    const checks = 'NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK';
    const bare = await lint(`${WINDOW} /* eng-disable ${checks} */\n`);
    expect(bare.code).toBe(1);
    expect(bare.output).toContain('main/window.ts:2: eng-disable without a reason');
    const justified = await lint(`${WINDOW} /* eng-disable ${checks}: a test of the lint itself */\n`);
    expect(justified.output).not.toContain('main/window.ts:2');
  });
});
