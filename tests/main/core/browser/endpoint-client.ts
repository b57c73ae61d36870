/**
 * Sends raw requests to a loopback endpoint with node:http, so that a test can set any Host
 * and Origin (a DNS-rebinding page's, a web page's, an extension's) as a browser would.
 */
import { request as httpRequest } from 'node:http';

/** A request to send. */
export interface RawRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** The answer, its body parsed as JSON. */
export interface RawAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  headers: Record<string, unknown>;
}

/** Sends one request to 127.0.0.1:port, with Host set to it unless the test gives another. */
export function sendRaw(port: number, { path, method = 'POST', headers = {}, body }: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {}, headers: response.headers });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Sends a JSON body to a path, as an extension would. */
export function postJson(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return sendRaw(port, { path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
