#!/usr/bin/env node
// `npm run test:e2e:million [-- --articles N] [-- --library DIR]`: builds dist/ and runs the
// `million` Playwright project (tests/million/million.spec.ts): a library of N generated
// articles (default 1,000,000), made in a temporary folder unless --library names one made
// before with tests/harness/make-library.ts, and the window over it. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000000' }, library: { type: 'string' } }, strict: true });
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 100) {
  console.error(`test:e2e:million: --articles must be a whole number of at least 100, not '${values.articles}'`);
  process.exit(1);
}
const env = { ...process.env, CUTTINGS_MILLION_ARTICLES: String(count), ...(values.library ? { CUTTINGS_MILLION_LIBRARY: resolve(values.library) } : {}) };
for (const [command, args] of [
  ['node', ['scripts/build.mjs']],
  ['npx', ['playwright', 'test', '--project=million']],
]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
