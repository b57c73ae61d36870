import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTimestampReply, isVerified } from '../../../../main/core/evidence/timestamp-check';
import { parseTimestampToken, parseTimestampReply, timestampRequest } from '../../../../main/core/evidence/timestamp-token';
import { askTsa } from '../../../../main/core/evidence/tsa-client';
import { startTestTsa, type TestTsa, type TestTsaOptions } from '../../../test-tsa';

const run = promisify(execFile);
const data = Buffer.from('{"article":"01TEST","format":"cuttings.capture-manifest"}');
const hash = createHash('sha256').update(data).digest();

/** Asks `tsa` to stamp `data`; resolves to the reply and the request's nonce. */
async function stamp(tsa: TestTsa, bytes = data) {
  const request = timestampRequest(createHash('sha256').update(bytes).digest());
  return { reply: await askTsa(tsa.url, request.der), nonce: request.nonce };
}

/** Runs `openssl ts -verify` on a reply as the evidence report tells a third party to. */
async function opensslVerify(tsa: TestTsa, reply: Buffer, bytes = data): Promise<{ ok: boolean; output: string }> {
  await writeFile(join(tsa.folder, 'check.tsr'), reply);
  await writeFile(join(tsa.folder, 'check.data'), bytes);
  try {
    const { stdout, stderr } = await run('openssl', ['ts', '-verify', '-data', 'check.data', '-in', 'check.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'], { cwd: tsa.folder });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  }
}

function withTsa(options: TestTsaOptions, body: (tsa: () => TestTsa) => void) {
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa(options);
  });
  afterAll(() => tsa.close());
  body(() => tsa);
}

describe('a timestamp from a real RFC 3161 TSA (openssl ts -reply)', () => {
  withTsa({}, (tsa) => {
    it('is asked for with a request openssl reads, and verifies in-process and with openssl ts -verify', async () => {
      const request = timestampRequest(hash, 0x1234567890abcdefn);
      await writeFile(join(tsa().folder, 'ours.tsq'), request.der);
      const { stdout } = await run('openssl', ['ts', '-query', '-in', 'ours.tsq', '-text'], { cwd: tsa().folder });
      expect(stdout).toContain('Hash Algorithm: sha256');
      expect(stdout).toContain('Nonce: 0x1234567890ABCDEF');
      expect(stdout).toContain('Certificate required: yes');

      const { reply, nonce } = await stamp(tsa());
      const anchors = [new X509Certificate(tsa().caPem)];
      const verdict = checkTimestampReply(reply, data, { anchors, nonce });
      expect(verdict.problems).toEqual([]);
      expect(verdict.trusted).toBe(true);
      expect(isVerified(verdict)).toBe(true);
      expect(verdict.token!.info.hashedMessage.equals(hash)).toBe(true);
      expect(verdict.token!.info.tsaName).toContain('CN=Cuttings Test TSA');
      expect(Math.abs(verdict.token!.info.genTime.getTime() - Date.now())).toBeLessThan(60_000);
      expect(verdict.chain.map((certificate) => certificate.subject)).toEqual([expect.stringContaining('Cuttings Test TSA'), expect.stringContaining('Cuttings Test Root CA')]);
      expect((await opensslVerify(tsa(), reply)).ok).toBe(true);
    });

    it('is not trusted while its root is not, but is otherwise sound', async () => {
      const { reply } = await stamp(tsa());
      const verdict = checkTimestampReply(reply, data, { anchors: [] });
      expect(verdict.problems).toEqual([]);
      expect(verdict.trusted).toBe(false);
      expect(isVerified(verdict)).toBe(false);
      expect(verdict.trustProblem).toMatch(/^timestamp: the TSA's chain ends at "CN=Cuttings Test Root CA, O=Cuttings tests" \(SHA-256 fingerprint [0-9A-F:]+\), which is not trusted here/u);
    });

    it('is refused for other data, and openssl refuses it too', async () => {
      const { reply } = await stamp(tsa());
      const other = Buffer.from(`${data.toString()} `);
      const verdict = checkTimestampReply(reply, other, { anchors: [new X509Certificate(tsa().caPem)] });
      expect(verdict.problems[0]).toMatch(/^timestamp: the token is for another hash: it stamps [0-9a-f]{64}, the manifest's SHA256 is [0-9a-f]{64}$/u);
      const openssl = await opensslVerify(tsa(), reply, other);
      expect(openssl.ok).toBe(false);
      expect(openssl.output).toContain('message imprint mismatch');
    });

    it('finds a token altered in its content or its signature', async () => {
      const { reply } = await stamp(tsa());
      const anchors = [new X509Certificate(tsa().caPem)];
      const token = parseTimestampToken(parseTimestampReply(reply).token!);
      // One byte of the TSTInfo's serial number, and one of the signature.
      const content = Buffer.from(reply);
      const at = content.indexOf(token.content) + token.content.length - 10;
      content[at] = content[at]! ^ 0x01;
      expect(checkTimestampReply(content, data, { anchors }).problems).toContain("timestamp: the token's signed digest does not match its content (the token was altered)");
      expect((await opensslVerify(tsa(), content)).ok).toBe(false);
      const signature = Buffer.from(reply);
      signature[signature.indexOf(token.signer.signature) + 12] = signature[signature.indexOf(token.signer.signature) + 12]! ^ 0x01;
      expect(checkTimestampReply(signature, data, { anchors }).problems.join('\n')).toContain("timestamp: the token's signature does not verify with the key of \"CN=Cuttings Test TSA, O=Cuttings tests\"");
      expect((await opensslVerify(tsa(), signature)).ok).toBe(false);
    });

    it('is refused when its nonce is not the request’s', async () => {
      const { reply, nonce } = await stamp(tsa());
      expect(checkTimestampReply(reply, data, { anchors: [], nonce: nonce + 1n }).problems).toContain("timestamp: the token's nonce is not the request's (an old answer replayed?)");
    });

    it('refuses garbage in one line, and a token for another hash', async () => {
      tsa().mode = 'garbage';
      try {
        const { reply } = await stamp(tsa());
        const verdict = checkTimestampReply(reply, data, { anchors: [] });
        expect(verdict.problems).toHaveLength(1);
        expect(verdict.problems[0]).toMatch(/^timestamp: the TSA's answer is not an RFC 3161 timestamp reply \(.+\)$/u);
        tsa().mode = 'other-hash';
        const other = await stamp(tsa());
        expect(checkTimestampReply(other.reply, data, { anchors: [], nonce: other.nonce }).problems[0]).toMatch(/^timestamp: the token is for another hash/u);
      } finally {
        tsa().mode = 'ok';
      }
    });
  });
});

describe('a TSA with RSA keys and an ESS certificate id of SHA-1 (signingCertificate v1)', () => {
  withTsa({ keyType: 'rsa', essHash: 'sha1' }, (tsa) => {
    it('verifies as openssl verifies it', async () => {
      const { reply, nonce } = await stamp(tsa());
      const verdict = checkTimestampReply(reply, data, { anchors: [new X509Certificate(tsa().caPem)], nonce });
      expect(verdict.problems).toEqual([]);
      expect(verdict.token!.signer.signingCertificates[0]!.algorithm).toBe('sha1');
      expect((await opensslVerify(tsa(), reply)).ok).toBe(true);
    });
  });
});

describe('a TSA whose certificate expired', () => {
  withTsa({ expired: true }, (tsa) => {
    it('is refused with a line naming the certificate and the day it expired, as openssl refuses it', async () => {
      const { reply } = await stamp(tsa());
      const verdict = checkTimestampReply(reply, data, { anchors: [new X509Certificate(tsa().caPem)] });
      expect(verdict.problems).toContain('timestamp: the certificate "CN=Expired Test TSA, O=Cuttings tests" expired on 2021-01-01; openssl ts -verify refuses the token now');
      expect(verdict.problems.join('\n')).toContain('"CN=Expired Test TSA, O=Cuttings tests" was not valid when the token was made');
      expect(isVerified(verdict)).toBe(false);
      const openssl = await opensslVerify(tsa(), reply);
      expect(openssl.ok).toBe(false);
      expect(openssl.output).toContain('certificate has expired');
    });
  });
});
