// Builds dist/ once before the unit tests, so that tests of the real `cuttings` bin run the
// code under test rather than a stale build; and gives the tests a signing-key folder of their
// own (CUTTINGS_KEYS, inherited by the test workers and the processes they start), so that no
// test reads or makes a key in the user's profile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export default function setup(): () => void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const keys = mkdtempSync(join(tmpdir(), 'cuttings-test-keys-'));
  process.env.CUTTINGS_KEYS = keys;
  return () => rmSync(keys, { recursive: true, force: true });
}
