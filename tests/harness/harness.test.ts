/**
 * The harness server's refusals: it must serve the renderer and the handler table and
 * nothing else, to nobody else. Runs against a fake handler table and a folder of fake
 * renderer files, so it needs neither a build nor a library.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/api';
import { ok } from '../../common/result';
import type { Handler } from '../../main/ipc/handler-table';
import { BRIDGE_PATH, MAX_BODY_BYTES, PAGE_POLICY, startHarnessServer, type HarnessServer } from './http-server';

const here = dirname(fileURLToPath(import.meta.url));

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent exactly as written (fetch would normalise `..` away before sending). */
function raw(
  server: HarnessServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // The server may close the socket while a too-large body is still being sent.
    req.on('socket', (socket) => socket.on('error', () => undefined));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: -1, headers: {}, body: '' });
      else reject(error);
    });
    req.end(options.body);
  });
}

function api(server: HarnessServer, channel: string, body: string, headers: Record<string, string> = {}) {
  return raw(server, `/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('harness server', () => {
  let folder: string;
  let server: HarnessServer;
  const calls: unknown[][] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cuttings-harness-test-'));
    const root = join(folder, 'renderer');
    await mkdir(root);
    await writeFile(join(root, 'index.html'), '<!doctype html><head><script type="module" src="main.js"></script></head>');
    await writeFile(join(root, 'main.js'), 'console.log(1);');
    await writeFile(join(root, 'styles.css'), 'body{}');
    await writeFile(join(folder, 'secret.txt'), 'SECRET OUTSIDE THE ROOT');
    const search: Handler = async (args) => {
      calls.push(args);
      return ok({ total: 0, hits: [] });
    };
    server = await startHarnessServer({
      rootDir: root,
      handlers: new Map([[CHANNELS.search, search]]),
      bridgeScript: 'window.bridged = true;',
    });
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves index.html with the bridge injected before the app script, and the page policy', async () => {
    const response = await raw(server, '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(PAGE_POLICY);
    expect(response.body.indexOf(`<script src="${BRIDGE_PATH.slice(1)}">`)).toBeLessThan(response.body.indexOf('main.js'));
    expect(response.body).toContain('harness-bridge.js');
  });

  it('serves files with their content types and the bridge script', async () => {
    expect((await raw(server, '/styles.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(server, '/main.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    const bridge = await raw(server, BRIDGE_PATH);
    expect(bridge.status).toBe(200);
    expect(bridge.body).toBe('window.bridged = true;');
  });

  it('answers 404 for a file that does not exist', async () => {
    expect((await raw(server, '/nothing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/styles.css/../../secret.txt',
    '/%00/../secret.txt',
  ])('refuses path traversal: %s', async (path) => {
    const response = await raw(server, path);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('SECRET');
  });

  it('answers a call on a known channel with the handler Result', async () => {
    const response = await api(server, CHANNELS.search, JSON.stringify([{ query: 'lavrov' }]));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { total: 0, hits: [] } });
    expect(calls.at(-1)).toEqual([{ query: 'lavrov' }]);
  });

  it('answers 404 for an unknown channel', async () => {
    const response = await api(server, 'cuttings:delete-everything', '[]');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'harness: there is no channel "cuttings:delete-everything"' },
    });
  });

  it('answers 404 for a channel the table does not have, even one in CHANNELS', async () => {
    expect((await api(server, CHANNELS.addText, '[]')).status).toBe(404);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await api(server, CHANNELS.search, '[{"query":');
    expect(response.status).toBe(400);
    const result = JSON.parse(response.body) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/^harness: the request body is not JSON: /u);
  });

  it('answers 400 for JSON that is not an argument list', async () => {
    const response = await api(server, CHANNELS.search, '{"query":"x"}');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'harness: the request body must be a JSON array of arguments' },
    });
  });

  it('refuses a call from another origin', async () => {
    const response = await api(server, CHANNELS.search, '[{"query":"x"}]', { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error.code).toBe('forbidden');
  });

  it('refuses a call from a sandboxed frame (Origin: null)', async () => {
    expect((await api(server, CHANNELS.search, '[{"query":"x"}]', { origin: 'null' })).status).toBe(403);
  });

  it('refuses a cross-site call even without an Origin header', async () => {
    expect((await api(server, CHANNELS.search, '[{"query":"x"}]', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const response = await raw(server, '/', { headers: { host: `evil.example:${server.port}` } });
    expect(response.status).toBe(403);
    expect((await api(server, CHANNELS.search, '[]', { host: `localhost:${server.port}` })).status).toBe(403);
  });

  it('refuses a body that is not declared as JSON', async () => {
    expect((await api(server, CHANNELS.search, '[]', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses other methods', async () => {
    expect((await raw(server, `/api/${CHANNELS.search}`)).status).toBe(405);
    expect((await raw(server, '/index.html', { method: 'POST' })).status).toBe(405);
  });

  it('refuses a body declared larger than the cap without reading it', async () => {
    const response = await api(server, CHANNELS.search, '[]', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
  });

  it('refuses a body that grows past the cap while it is read', async () => {
    const count = calls.length;
    const response = await api(server, CHANNELS.search, `[${' '.repeat(MAX_BODY_BYTES)}]`, { 'transfer-encoding': 'chunked' });
    // Either the 413 arrives, or the server closed the socket while the body was still coming.
    expect([413, -1]).toContain(response.status);
    expect(calls.length).toBe(count);
  });

  it('sends the same policy as the <meta> in renderer/index.html', async () => {
    const html = await readFile(join(here, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html);
    expect(meta?.[1]).toBe(PAGE_POLICY);
  });

  it('logs every request for tests to inspect', () => {
    expect(server.requests.some((entry) => entry.url === '/styles.css' && entry.status === 200)).toBe(true);
  });
});
