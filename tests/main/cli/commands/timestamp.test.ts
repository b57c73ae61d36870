import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimestamp } from '../../../../main/core/evidence/timestamp-queue';
import { startTestTsa, type TestTsa } from '../../../test-tsa';
import { cliInTempLibrary } from '../run-cli';

let tsa: TestTsa;
const cli = cliInTempLibrary();
const { run } = cli;

beforeAll(async () => {
  tsa = await startTestTsa();
});
afterAll(() => tsa.close());

describe('cuttings timestamp and add --tsa', () => {
  it('stamps each capture as it is added when a TSA is given, and says when its root is not trusted', async () => {
    const added = await run(['add', '--stdin', '--tsa', tsa.url], 'Ferry\n\nThe ferry ran late on Sunday.');
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/^cuttings: timestamp: the TSA's chain ends at "CN=Cuttings Test Root CA, O=Cuttings tests" \(SHA-256 fingerprint [0-9A-F:]+\), which is not trusted here/u);
    expect(await readTimestamp(cli.libraryPath, added.stdout.trim())).not.toBeNull();
    // Stored, but not verified until the root is trusted.
    const unverified = await run(['evidence', added.stdout.trim(), '-o', join(cli.folder.path, 'a.pdf')]);
    expect(unverified.stdout).toContain('signed and intact; its time is not proven');
    expect((await run(['timestamp', '--trust', tsa.caFile])).stdout).toBe('Trusted for timestamps in this library: CN=Cuttings Test Root CA, O=Cuttings tests\n');
    expect((await run(['evidence', added.stdout.trim(), '-o', join(cli.folder.path, 'b.pdf')])).stdout).toContain(': verified\n');
  });

  it('keeps captures waiting while the TSA is offline, and sends them all when it is back', async () => {
    await run(['timestamp', '--trust', tsa.caFile]);
    expect((await run(['timestamp', '--choose', 'none'])).stdout).toBe('This library has no TSA: captures are not timestamped\n');
    await tsa.stop();
    try {
      const chosen = await run(['timestamp', '--choose', tsa.url]);
      expect(chosen.stdout).toBe(`This library's TSA is ${tsa.url}\nTimestamped 0 captures; 0 wait\n`);
      const first = await run(['add', '--stdin'], 'Offline\n\nCaptured while the TSA was away.');
      expect(first.code).toBe(0);
      expect(first.stderr).toBe(`cuttings: 1 capture waits for a timestamp: timestamp: cannot reach the TSA at ${tsa.url}: ECONNREFUSED\n`);
      await run(['add', '--stdin'], 'Offline too\n\nCaptured while the TSA was still away.');
      const waiting = await run(['timestamp']);
      expect(waiting).toMatchObject({ code: 1, stdout: 'Timestamped 0 captures; 2 wait\n' });
      expect((await run(['verify'])).stdout).toContain('note: 2 capture(s) wait for a timestamp (`cuttings timestamp` sends them)');
      await tsa.start();
      expect(await run(['timestamp', '--json'])).toMatchObject({ code: 0, stdout: `${JSON.stringify({ stamped: 2, waiting: 0, error: null, untrusted: null })}\n` });
      expect(await run(['verify'])).toMatchObject({ code: 0 });
    } finally {
      await tsa.start();
    }
  });

  it('refuses what cannot be a TSA or a root, in one line', async () => {
    expect((await run(['timestamp', '--choose', 'gopher://tsa.example'])).stderr).toBe('cuttings: timestamp: a TSA is reached over http or https, not gopher (gopher://tsa.example)\n');
    expect((await run(['timestamp'])).stderr).toBe('cuttings: timestamp: no TSA is chosen for this library; choose one in Settings, or give one with --tsa URL\n');
    await writeFile(join(cli.folder.path, 'tsa.pem'), await (await import('node:fs/promises')).readFile(join(tsa.folder, 'tsa.pem')));
    expect((await run(['timestamp', '--trust', join(cli.folder.path, 'tsa.pem')])).stderr).toBe(
      `cuttings: timestamp: "CN=Cuttings Test TSA, O=Cuttings tests" in ${join(cli.folder.path, 'tsa.pem')} is not a CA certificate; trust the TSA's root, not the TSA's own certificate\n`,
    );
    await writeFile(join(cli.folder.path, 'empty.pem'), 'nothing here');
    expect((await run(['timestamp', '--trust', join(cli.folder.path, 'empty.pem')])).stderr).toBe(`cuttings: timestamp: ${join(cli.folder.path, 'empty.pem')} holds no PEM certificate (-----BEGIN CERTIFICATE-----)\n`);
    expect((await run(['timestamp', '--list'])).stdout).toContain('https://freetsa.org/tsr\tFreeTSA.org\n');
  });
});

describe('cuttings keys and cuttings delete', () => {
  it('show the signing key, and delete a cutting leaving its hashes in the custody log', async () => {
    const id = (await run(['add', '--stdin'], 'Pier\n\nThe pier was closed for repairs.')).stdout.trim();
    const keys = await run(['keys']);
    expect(keys.stdout).toMatch(/^Your signing key: SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}\n {2}kept in .+signing-key\.json\nKeys that signed in this library:\n {2}SHA256:.+ {2}ed25519 {2}.+ \(captures\) {2}\(yours\)\n$/u);
    const deleted = await run(['delete', id, '--reason', 'published in error']);
    expect(deleted.stdout).toBe(`Deleted ${id} ("Pier"); the custody log keeps its hashes\n`);
    expect((await run(['list', '--json'])).stdout).toBe('[]\n');
    expect((await run(['search', 'pier', '--json'])).stdout).toContain('"total":0');
    const verify = await run(['verify']);
    expect(verify.code).toBe(0);
    expect((await run(['delete', id])).stderr).toBe(`cuttings: library: no article with id ${id}\n`);
  });
});
