/**
 * A timestamping authority run by the tests themselves: Debian's `openssl ts -reply` behind a
 * small HTTP server on 127.0.0.1, with a test CA and a TSA certificate made by openssl in a
 * temporary folder. It can be stopped and started again on the same port (offline, then
 * back), and made to misbehave: answer garbage, or a token for another hash. An `expired`
 * TSA signs with a certificate whose validity ended in 2021 (openssl signs with it all the
 * same, as a careless TSA would).
 *
 * @example
 *   const tsa = await startTestTsa();
 *   await library.chooseTsa(tsa.url);
 *   await tsa.close();
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempFolder } from './paths';

const run = promisify(execFile);

/** What the test TSA answers. */
export type TsaMode = 'ok' | 'garbage' | 'other-hash' | 'http-error';

/** A running test TSA. */
export interface TestTsa {
  /** Where to POST requests: `http://127.0.0.1:<port>/tsr`. */
  readonly url: string;
  /** Its folder: ca.pem (the root), tsa.pem (its certificate), and the rest. */
  readonly folder: string;
  /** The root certificate's path (trust it for its tokens to verify). */
  readonly caFile: string;
  /** The root certificate, PEM. */
  readonly caPem: string;
  /** How many requests it has answered. */
  readonly answered: number;
  mode: TsaMode;
  /** Stops listening (requests are refused: the TSA is offline); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** Options for the test TSA's certificates. */
export interface TestTsaOptions {
  /** Sign with a certificate that expired in 2021. */
  expired?: boolean;
  /** The key type of the CA and the TSA (default `ec`, P-256). */
  keyType?: 'ec' | 'rsa';
  /** The ESS certificate id's hash: sha256 (signingCertificateV2, the default) or sha1 (v1). */
  essHash?: 'sha256' | 'sha1';
}

async function openssl(cwd: string, ...args: string[]): Promise<void> {
  await run('openssl', args, { cwd });
}

function keyArgs(type: 'ec' | 'rsa'): string[] {
  return type === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
}

/** Makes the CA and TSA certificates and the TSA's configuration in `dir`. */
async function makeCertificates(dir: string, options: TestTsaOptions): Promise<void> {
  const type = options.keyType ?? 'ec';
  await openssl(dir, 'req', '-x509', ...keyArgs(type), '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Cuttings Test Root CA/O=Cuttings tests', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  await openssl(dir, 'req', ...keyArgs(type), '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', `/CN=${options.expired ? 'Expired' : 'Cuttings'} Test TSA/O=Cuttings tests`);
  await writeFile(join(dir, 'tsa.ext'), 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n');
  if (options.expired) {
    await writeFile(join(dir, 'index.txt'), '');
    await writeFile(join(dir, 'ca-serial'), '1000\n');
    await writeFile(
      join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca=test_ca\n[test_ca]\ndir=.\ndatabase=./index.txt\nserial=./ca-serial\nnew_certs_dir=.\ncertificate=./ca.pem\nprivate_key=./ca.key\ndefault_md=sha256\npolicy=anything\nunique_subject=no\n[anything]\ncommonName=supplied\norganizationName=optional\n',
    );
    await openssl(dir, 'ca', '-batch', '-config', 'ca.cnf', '-startdate', '20200101000000Z', '-enddate', '20210101000000Z', '-in', 'tsa.csr', '-out', 'tsa.pem', '-extfile', 'tsa.ext', '-notext');
  } else {
    await openssl(dir, 'x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '730', '-extfile', 'tsa.ext');
  }
  await writeFile(join(dir, 'chain.pem'), `${await readFile(join(dir, 'tsa.pem'), 'utf8')}${await readFile(join(dir, 'ca.pem'), 'utf8')}`);
  await writeFile(join(dir, 'tsa-serial'), '01\n');
  await writeFile(
    join(dir, 'tsa.cnf'),
    [
      '[tsa]',
      'default_tsa=tsa_config',
      '[tsa_config]',
      'dir=.',
      'serial=./tsa-serial',
      'crypto_device=builtin',
      'signer_cert=./tsa.pem',
      // The token carries the TSA's certificate and the root above it, as most public TSAs' do.
      'certs=./chain.pem',
      'signer_key=./tsa.key',
      'signer_digest=sha256',
      'default_policy=1.3.6.1.4.1.99999.1',
      'digests=sha256,sha384,sha512',
      'accuracy=secs:1',
      'ordering=no',
      'tsa_name=yes',
      'ess_cert_id_chain=no',
      `ess_cert_id_alg=${options.essHash ?? 'sha256'}`,
      '',
    ].join('\n'),
  );
}

/** Starts a test TSA on a free port of 127.0.0.1. */
export async function startTestTsa(options: TestTsaOptions = {}): Promise<TestTsa> {
  const folder = await makeTempFolder('cuttings-tsa-');
  const dir = folder.path;
  await makeCertificates(dir, options);
  let answered = 0;
  let counter = 0;
  // One reply at a time: openssl's serial file is read and written by each.
  let replying: Promise<unknown> = Promise.resolve();
  const reply = async (query: Buffer, mode: TsaMode): Promise<Buffer> => {
    const n = counter++;
    const queryFile = `q${n}.tsq`;
    if (mode === 'other-hash') {
      await openssl(dir, 'ts', '-query', '-digest', randomBytes(32).toString('hex'), '-sha256', '-cert', '-out', queryFile);
    } else await writeFile(join(dir, queryFile), query);
    await openssl(dir, 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', queryFile, '-out', `r${n}.tsr`);
    return readFile(join(dir, `r${n}.tsr`));
  };
  const tsa = {
    mode: 'ok' as TsaMode,
    get answered() {
      return answered;
    },
  };
  const handle: Parameters<typeof createServer>[1] = (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const mode = tsa.mode;
      const answer = (async () => {
        if (request.method !== 'POST') return { status: 405, body: Buffer.from('POST a timestamp query') };
        if (mode === 'http-error') return { status: 500, body: Buffer.from('internal error') };
        if (mode === 'garbage') return { status: 200, body: Buffer.from('<html><body>Welcome to our timestamp service!</body></html>') };
        const run = replying.then(() => reply(Buffer.concat(chunks), mode));
        replying = run.catch(() => undefined);
        return { status: 200, body: await run };
      })();
      answer.then(
        ({ status, body }) => {
          answered++;
          response.writeHead(status, { 'content-type': status === 200 ? 'application/timestamp-reply' : 'text/plain' }).end(body);
        },
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  };
  let server: Server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  let listening = true;
  const stop = async () => {
    if (!listening) return;
    listening = false;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const start = async () => {
    if (listening) return;
    server = createServer(handle);
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    listening = true;
  };
  const caPem = await readFile(join(dir, 'ca.pem'), 'utf8');
  return Object.assign(tsa, {
    url: `http://127.0.0.1:${port}/tsr`,
    folder: dir,
    caFile: join(dir, 'ca.pem'),
    caPem,
    stop,
    start,
    close: async () => {
      await stop();
      await folder.remove();
    },
  });
}
