// `npm run lint:electron`: Electronegativity (Doyensec's checker for Electron security
// anti-patterns) over the app's source, failing on any finding. A finding that is a false
// positive is justified where it is, on its own line, with Electronegativity's comment and a
// reason after a colon:
//
//   new BrowserWindow(options); /* eng-disable SANDBOX_JS_CHECK: options from policies/window-options.ts, pinned by a test */
//   <meta …> <!-- eng-disable CSP_GLOBAL_CHECK --> <!-- justified: why -->
//
// An eng-disable without a reason fails too. The scan runs offline: Electronegativity only
// asks the network for Electron's release list, and says so and goes on when it cannot;
// the Electron version is given from the installed package instead.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--root DIR` scans another tree of the same shape (tests/scripts/lint-electron.test.ts).
const rootFlag = process.argv.indexOf('--root');
const root = rootFlag > 0 && process.argv[rootFlag + 1] ? process.argv[rootFlag + 1] : repository;
/** The folders that make up the app (what ships), scanned together so global checks see it all. */
const SOURCE_FOLDERS = ['main', 'preload', 'renderer', 'common'];
const SCANNED = /\.(ts|js|mjs|cjs|html)$/u;

const electronVersion = JSON.parse(await readFile(join(repository, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const cli = join(repository, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

// Electronegativity takes one folder: copy the app's source (nothing else of the repository,
// such as tests that drive Electron on purpose) into a temporary one.
const work = await mkdtemp(join(tmpdir(), 'cuttings-electronegativity-'));
try {
  for (const folder of SOURCE_FOLDERS) {
    await cp(join(root, folder), join(work, 'app', folder), { recursive: true, filter: (path) => !path.endsWith('.json') }).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  // SARIF, not CSV: Electronegativity writes a CSV report's header and its rows with two
  // writeFile calls it does not wait for (truncate, then append), which race; under load the
  // rows came out garbled or were cut away by the header, so a finding could go unreported.
  // A SARIF report is written in one call.
  const report = join(work, 'report.sarif');
  await promisify(execFile)(process.execPath, [cli, '-i', join(work, 'app'), '-r', '-e', electronVersion, '-o', report], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const findings = JSON.parse(await readFile(report, 'utf8')).runs.flatMap((run) => run.results).map(findingOf);
  const unjustified = await unjustifiedExceptions();

  for (const { issue, level, place, description } of findings) {
    console.error(`electronegativity: ${place} ${issue} (${level}): ${description} https://github.com/doyensec/electronegativity/wiki/${issue}`);
  }
  for (const line of unjustified) console.error(`electronegativity: ${line}: eng-disable without a reason (add ": why" after the check names)`);
  if (findings.length > 0 || unjustified.length > 0) {
    console.error(`electronegativity: ${findings.length} finding(s), ${unjustified.length} unjustified exception(s)`);
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: no findings in ${SOURCE_FOLDERS.join(', ')} (Electron ${electronVersion})`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** `file:line` of every eng-disable comment in the source that gives no reason after a colon. */
async function unjustifiedExceptions() {
  const lines = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const file of await listFiles(join(root, folder)).catch(() => [])) {
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, index) => {
        const at = line.indexOf('eng-disable');
        if (at < 0) return;
        const reason = line.slice(at).split(':').slice(1).join(':').replace(/-->|\*\//gu, '').trim();
        if (reason.length < 10) lines.push(`${file.slice(root.length + 1)}:${index + 1}`);
      });
    }
  }
  return lines;
}

async function listFiles(folder) {
  const files = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (SCANNED.test(entry.name)) files.push(path);
  }
  return files;
}

/** One result of the SARIF report: its check, level, `file:line:column` (N/A for a check of the whole app) and description. */
function findingOf(result) {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri;
  const place = !uri || uri === 'file:///' ? 'N/A' : `${uri}:${location.region?.startLine ?? 0}:${location.region?.startColumn ?? 0}`;
  return { issue: result.ruleId, level: result.level, place, description: result.message?.text ?? '' };
}
