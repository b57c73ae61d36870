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
  const report = join(work, 'report.csv');
  await promisify(execFile)(process.execPath, [cli, '-i', join(work, 'app'), '-r', '-e', electronVersion, '-o', report], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const findings = parseCsv(await readFile(report, 'utf8')).slice(1).filter((row) => row.length > 1);
  const unjustified = await unjustifiedExceptions();

  for (const [issue, severity, confidence, file, location, , description, url] of findings) {
    console.error(`electronegativity: ${file}:${location} ${issue} (${severity}, ${confidence}): ${description} ${url}`);
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

/** Parses the report (RFC 4180 CSV: quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}
