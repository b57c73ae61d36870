import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../main/core/capture/pdf-text';
import { custodyLogPath } from '../../../../main/core/evidence/custody-log';
import { tokenPath } from '../../../../main/core/evidence/timestamp-queue';
import { capturePath, encodeCapture, readCaptureSync, readOriginal, zipOriginal } from '../../../../main/core/storage/captures';
import { makeTempFolder } from '../../../paths';
import { makePng } from '../../../png';
import { startTestTsa, type TestTsa } from '../../../test-tsa';
import { runCli } from '../run-cli';

const exec = promisify(execFile);

let folder: { path: string; remove: () => Promise<void> };
let tsa: TestTsa;
let libraryPath: string;
let id: string;
const picture = makePng(64, 40, 3);

function run(args: string[]) {
  return runCli(args, { CUTTINGS_LIBRARY: libraryPath });
}

/** Runs a shell command in `cwd`; resolves to its exit status and output. */
async function shell(command: string, cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec('bash', ['-c', command], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

/** The commands the bundle's README gives, in order. */
async function commandsOf(bundle: string): Promise<string[]> {
  return (await readFile(join(bundle, 'README.txt'), 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('   $ '))
    .map((line) => line.slice('   $ '.length));
}

beforeAll(async () => {
  folder = await makeTempFolder();
  tsa = await startTestTsa();
  libraryPath = join(folder.path, 'library');
  const page = `<html><head><title>Harbour</title></head><body><article><h1>Boats return to the harbour</h1><p>${'The boats came home to the harbour this morning, and the town came down to meet them. '.repeat(10)}</p><img src="data:image/png;base64,${picture.toString('base64')}" alt="The harbour"><p>${'The harbour master counted every one of them, and wrote the number in his book. '.repeat(8)}</p></article></body></html>`;
  await writeFile(join(folder.path, 'harbour.html'), page);
  expect((await run(['timestamp', '--trust', tsa.caFile, '--choose', tsa.url])).code).toBe(0);
  const added = await run(['add', join(folder.path, 'harbour.html')]);
  expect(added.stderr).toBe('');
  id = added.stdout.trim();
});
afterAll(async () => {
  await tsa.close();
  await folder.remove();
});

describe('cuttings evidence', () => {
  it('writes a report of the verified cutting and a bundle whose every command passes', async () => {
    const report = join(folder.path, 'report.pdf');
    const bundle = join(folder.path, 'bundle');
    const result = await run(['evidence', id, '-o', report, '--bundle', bundle]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Wrote ${report} and the bundle in ${bundle}: verified\n`);

    const text = (await extractPdfText(await readFile(report), 'report.pdf')).text;
    const manifest = await readFile(join(bundle, 'manifest.json'), 'utf8');
    const { key } = JSON.parse(manifest) as { key: string };
    for (const expected of [
      'Evidence report: Harbour',
      'VERIFIED',
      id,
      'Timestamped',
      'CN=Cuttings Test TSA',
      'How to verify it yourself',
      'The boats came home to the harbour this morning',
    ]) expect(text).toContain(expected);
    // The fingerprint, every hash and every command are printed (wrapped, so compare without white space).
    const flat = text.replace(/\s+/gu, '');
    for (const command of await commandsOf(bundle)) expect(flat).toContain(command.replace(/\s+/gu, ''));
    expect(flat).toContain(key.match(/.{4}/gu)!.join(''));
    for (const line of (await readFile(join(bundle, 'SHA256SUMS'), 'utf8')).trim().split('\n')) expect(flat).toContain(line.split('  ')[0]);

    const commands = await commandsOf(bundle);
    expect(commands).toEqual([
      'sha256sum -c SHA256SUMS',
      'openssl pkey -pubin -in signing-key.pem -outform DER | sha256sum',
      'openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in manifest.json -sigfile manifest.sig',
      'openssl ts -reply -in timestamp.tsr -text',
      'openssl ts -verify -data manifest.json -in timestamp.tsr -CAfile tsa-root.pem -untrusted tsa-chain.pem',
      'openssl x509 -in tsa-root.pem -noout -subject -fingerprint -sha256',
      expect.stringMatching(/^openssl pkeyutl -verify -pubin -inkey signing-key\.pem -rawin -in custody\/entry-\d+\.json -sigfile custody\/entry-\d+\.sig$/u),
    ]);
    const outputs = [];
    for (const command of commands) {
      const outcome = await shell(command, bundle);
      expect(outcome.code, `${command}\n${outcome.output}`).toBe(0);
      outputs.push(outcome.output);
    }
    expect(outputs[0]).toMatch(/^original\.html: OK\ntext\.txt: OK\nreader\.html: OK\nimages\/[0-9a-f]{64}\.png: OK\n$/u);
    expect(outputs[1]).toBe(`${key}  -\n`);
    expect(outputs[2]).toContain('Signature Verified Successfully');
    expect(outputs[4]).toContain('Verification: OK');
    expect((await readFile(join(bundle, 'images', `${JSON.parse(manifest).images[0].sha256}.png`))).equals(picture)).toBe(true);
    expect((await readFile(join(bundle, 'report.pdf'))).equals(await readFile(report))).toBe(true);
  });

  it('has bundle commands that fail, naming the piece, when any piece is altered', async () => {
    const bundle = join(folder.path, 'tampered');
    expect((await run(['evidence', id, '-o', join(folder.path, 'second.pdf'), '--bundle', bundle])).code).toBe(0);
    const flip = async (file: string, at: (bytes: Buffer) => number) => {
      const bytes = await readFile(join(bundle, file));
      bytes[at(bytes)] = bytes[at(bytes)]! ^ 0x01;
      await writeFile(join(bundle, file), bytes);
    };
    await flip('original.html', (bytes) => bytes.length >> 1);
    const sums = await shell('sha256sum -c SHA256SUMS', bundle);
    expect(sums.code).not.toBe(0);
    expect(sums.output).toContain('original.html: FAILED');
    await flip('manifest.json', (bytes) => bytes.indexOf('"method"') + 3);
    const signature = await shell('openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in manifest.json -sigfile manifest.sig', bundle);
    expect(signature.code).not.toBe(0);
    expect(signature.output).toContain('Signature Verification Failure');
    const stamped = await shell('openssl ts -verify -data manifest.json -in timestamp.tsr -CAfile tsa-root.pem -untrusted tsa-chain.pem', bundle);
    expect(stamped.output).toContain('message imprint mismatch');
    await flip('timestamp.tsr', (bytes) => bytes.length - 30);
    const token = await shell('openssl ts -verify -in timestamp.tsr -digest 00 -CAfile tsa-root.pem -untrusted tsa-chain.pem', bundle);
    expect(token.code).not.toBe(0);
    const entry = (await commandsOf(bundle)).at(-1)!;
    const entryFile = /custody\/entry-\d+\.json/u.exec(entry)![0];
    await flip(entryFile, (bytes) => bytes.indexOf('"at"') + 8);
    const custody = await shell(entry, bundle);
    expect(custody.code).not.toBe(0);
    expect(custody.output).toContain('Signature Verification Failure');
  });

  it('and cuttings verify fail, naming what, when the library’s copy of a piece is altered', async () => {
    // One more capture, so that the custody log has two entries to swap.
    await writeFile(join(folder.path, 'note.txt'), 'Tide tables\n\nThe tide tables for the harbour were published on Monday.');
    const second = (await run(['add', join(folder.path, 'note.txt')])).stdout.trim();
    expect((await run(['verify'])).code).toBe(0);

    const rewrite = async (change: (raw: { content: ReturnType<typeof readCaptureSync>['content']; original: Buffer }) => void) => {
      const { content } = readCaptureSync(libraryPath, id);
      const original = await readOriginal(libraryPath, id);
      const parts = { content, original: Buffer.from(original.bytes) };
      change(parts);
      await writeFile(capturePath(libraryPath, id), encodeCapture(parts.content, zipOriginal(parts.original), original.kind));
    };
    const capture = await readFile(capturePath(libraryPath, id));
    const expectProblem = async (pattern: RegExp) => {
      const verify = await run(['verify']);
      expect(verify.code).toBe(1);
      expect(verify.stdout).toMatch(pattern);
    };

    await rewrite((parts) => (parts.original[40] = parts.original[40]! ^ 0x01));
    await expectProblem(new RegExp(`problem: article ${id} \\("Harbour"\\): the original as received \\(html\\) does not match the SHA-256 in its signed manifest`, 'u'));
    await writeFile(capturePath(libraryPath, id), capture);

    await rewrite((parts) => (parts.content.evidence = { ...parts.content.evidence!, manifest: parts.content.evidence!.manifest.replace('"method":"file"', '"method":"paste"') }));
    await expectProblem(new RegExp(`problem: article ${id} \\(.+\\): its manifest's signature does not verify`, 'u'));
    await writeFile(capturePath(libraryPath, id), capture);

    const token = await readFile(tokenPath(libraryPath, id));
    const altered = Buffer.from(token);
    altered[altered.length - 30] = altered[altered.length - 30]! ^ 0x01;
    await writeFile(tokenPath(libraryPath, id), altered);
    await expectProblem(new RegExp(`problem: article ${id} \\(.+\\): timestamp: `, 'u'));
    await writeFile(tokenPath(libraryPath, id), token);

    const log = await readFile(custodyLogPath(libraryPath), 'utf8');
    const lines = log.trim().split('\n');
    await writeFile(custodyLogPath(libraryPath), `${[lines[0], lines[1]!.replace('"at":"2', '"at":"1'), ...lines.slice(2)].join('\n')}\n`);
    await expectProblem(/problem: custody log: entry 2 \(line 2\) was altered: its signature does not match/u);
    await writeFile(custodyLogPath(libraryPath), `${[lines[1], lines[0], ...lines.slice(2)].join('\n')}\n`);
    await expectProblem(/problem: custody log: entry 1 is out of order: it comes after entry 2 \(line 2\)/u);
    await writeFile(custodyLogPath(libraryPath), log);

    expect((await run(['verify'])).code).toBe(0);
    expect(second).toMatch(/^[0-9A-Z]{26}$/u);
  });

  it('refuses a bundle folder that is not empty, and an unknown id, with one line', async () => {
    const busy = await run(['evidence', id, '-o', join(folder.path, 'third.pdf'), '--bundle', join(folder.path, 'bundle')]);
    expect(busy).toMatchObject({ code: 1, stderr: `cuttings: evidence: ${join(folder.path, 'bundle')} is not empty; give a new or empty folder for the bundle\n` });
    expect((await run(['evidence', '01NOTANIDNOTANIDNOTANIDNOT', '-o', join(folder.path, 'x.pdf')])).stderr).toBe('cuttings: library: no article with id 01NOTANIDNOTANIDNOTANIDNOT\n');
    expect((await run(['evidence', id])).code).toBe(2);
  });
});
