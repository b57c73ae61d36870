#!/usr/bin/env node
// `npm run test:packaged`: the app as people install it. Builds dist/, packs it with
// electron-builder into an unpacked app (the `dir` target: the same asar, fuses and layout as
// the AppImage, .deb, .dmg and NSIS packages, without the installer around it), and drives
// that app with Playwright's _electron.launch (tests/packaged/packaged-app.spec.ts).
//
// It needs Electron's binary, which the electron package downloads (Node 22.12 or newer and
// a network). Where either cannot be had it prints one line saying so and exits 0, as the
// Electron tests of `npm test` do; a maintainer runs it before a release (README, Packages).
//
// One difference from a release build, and why: Playwright attaches to the app's main
// process through `--inspect`, which the EnableNodeCliInspectArguments fuse turns off in the
// release; this build turns that one fuse on (the spec checks every other fuse as released).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MINIMUM_NODE, nodeVersionProblem } from './check-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'release', 'packaged-test');
const electronPackage = join(root, 'node_modules', 'electron');

/** Says in one line why the packaged app was not tested, and stops without failing. */
function skip(reason) {
  console.log(`test:packaged: skipped, ${reason}`);
  process.exit(0);
}

/** Runs a command in the repository, output shown; stops the run if it fails. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`test:packaged: ${[command, ...args].join(' ')} failed (exit status ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Electron's binary, downloading it if need be; null with the reason when it cannot be had. */
function electronBinary() {
  if (!existsSync(electronPackage)) return { missing: 'the electron package is not installed (npm install)' };
  const pathFile = join(electronPackage, 'path.txt');
  const present = () => existsSync(pathFile) && existsSync(join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (present()) return { binary: join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim()) };
  // The electron package's own downloader, quietly: its failure is told in one line below.
  const download = spawnSync(process.execPath, [join(electronPackage, 'install.js')], { cwd: electronPackage, encoding: 'utf8' });
  if (download.status !== 0 || !present()) {
    const reason = `${download.stderr ?? ''}`.split('\n').map((line) => line.trim()).filter((line) => /error/iu.test(line))[0] ?? `exit status ${download.status}`;
    return { missing: `Electron's binary could not be downloaded here (${reason.slice(0, 200)})` };
  }
  return { binary: join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim()) };
}

/** The packaged app's executable in electron-builder's `dir` output for this OS. */
function packagedExecutable() {
  const folders = existsSync(output) ? readdirSync(output) : [];
  if (process.platform === 'darwin') {
    const mac = folders.find((name) => name.startsWith('mac'));
    return mac ? join(output, mac, 'Cuttings.app', 'Contents', 'MacOS', 'Cuttings') : null;
  }
  const unpacked = folders.find((name) => name.endsWith('-unpacked'));
  if (!unpacked) return null;
  return join(output, unpacked, process.platform === 'win32' ? 'Cuttings.exe' : 'cuttings');
}

const tooOld = nodeVersionProblem(process.versions.node, MINIMUM_NODE, 'npm run test:packaged');
if (tooOld !== null) skip(`${tooOld.replace(/^cuttings: /u, '').replace(/ and run it again$/u, '')}`);
const electron = electronBinary();
if ('missing' in electron) skip(electron.missing);

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
// electron-builder merges this over electron-builder.yml: the Electron just downloaded (no
// second download), a folder of its own, and the one fuse Playwright needs.
const require = createRequire(import.meta.url);
const { build, Platform } = require('electron-builder');
await build({
  projectDir: root,
  targets: Platform.current().createTarget('dir'),
  config: {
    directories: { output },
    electronDist: join(electronPackage, 'dist'),
    electronFuses: { enableNodeCliInspectArguments: true },
  },
});
const executable = packagedExecutable();
if (executable === null || !existsSync(executable)) {
  console.error(`test:packaged: electron-builder left no app in ${output}`);
  process.exit(1);
}
console.log(`test:packaged: testing ${executable}`);
run(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', join(root, 'playwright.packaged.config.ts')], { ...process.env, CUTTINGS_PACKAGED_APP: executable });
