/**
 * Asking a timestamping authority: an HTTP POST of the DER request (`application/
 * timestamp-query`, RFC 3161 §3.4) and the DER reply read back, with a time limit and a size
 * limit (a reply is a few kilobytes; 256 KB is far beyond any real one). Only http and https:
 * TSAs answer on plain http as often as not, which is safe, as the reply is signed.
 *
 * The list of public TSAs offered in Settings is here too. None is chosen by default: sending
 * a hash to a third party is the user's decision.
 */
import { CuttingsError } from '../../../common/errors';

/** Public timestamping authorities the app offers to pick from (RFC 3161 over HTTP, free of charge at the time of writing). */
export const PUBLIC_TSAS: readonly { name: string; url: string }[] = [
  { name: 'FreeTSA.org', url: 'https://freetsa.org/tsr' },
  { name: 'DigiCert', url: 'http://timestamp.digicert.com' },
  { name: 'Sectigo', url: 'http://timestamp.sectigo.com' },
  { name: 'GlobalSign', url: 'http://timestamp.globalsign.com/tsa/r6advanced1' },
  { name: 'SSL.com', url: 'http://ts.ssl.com' },
  { name: 'Certum', url: 'http://time.certum.pl' },
];

/** How long a TSA has to answer. */
export const TSA_TIMEOUT_MS = 15_000;
/** The largest reply read. */
export const MAX_REPLY_BYTES = 256 * 1024;

/** Checks a TSA address: http or https, nothing else. Returns it normalised. */
export function checkTsaUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CuttingsError('invalid-input', `timestamp: ${JSON.stringify(url)} is not a web address`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CuttingsError('invalid-input', `timestamp: a TSA is reached over http or https, not ${parsed.protocol.replace(/:$/u, '')} (${url})`);
  }
  return parsed.href;
}

/**
 * Sends a request to the TSA at `url` and resolves to its reply's bytes (not yet checked).
 * Throws a `network` CuttingsError when the TSA cannot be reached or does not answer in time,
 * and a `bad-content` one when it answers with an HTTP error or too much.
 */
export async function askTsa(url: string, request: Buffer, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Buffer> {
  const address = checkTsaUrl(url);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? TSA_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(address, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(request),
      redirect: 'follow',
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw new CuttingsError('network', 'timestamp: cancelled');
    const cause = timeout.aborted ? `no answer within ${Math.round((options.timeoutMs ?? TSA_TIMEOUT_MS) / 1000)} s` : describeFetchError(error);
    throw new CuttingsError('network', `timestamp: cannot reach the TSA at ${address}: ${cause}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new CuttingsError('bad-content', `timestamp: the TSA at ${address} answered HTTP ${response.status} ${response.statusText}`.trimEnd());
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_REPLY_BYTES) {
        await response.body?.cancel().catch(() => undefined);
        throw new CuttingsError('bad-content', `timestamp: the TSA at ${address} sent more than ${MAX_REPLY_BYTES / 1024} KB, which is no timestamp reply`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    throw new CuttingsError('network', `timestamp: the TSA at ${address} stopped answering: ${describeFetchError(error)}`);
  }
  return Buffer.concat(chunks);
}

/** The cause of a failed fetch in a few words (`ECONNREFUSED`, `getaddrinfo ENOTFOUND tsa.example`). */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
