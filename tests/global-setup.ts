// Builds dist/ once before the unit tests, so that tests of the real `cuttings` bin run the
// code under test rather than a stale build.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export default function setup(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
