import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, FetchError } from '../../../../main/core/fetch/fetch-page';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Runs a fetch that must fail and returns its FetchError. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchPage', () => {
  it('fetches a page with its status, type and charset', async () => {
    const page = await fetchPage(server.url('/guardian'));
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html');
    expect(page.charset).toBe('utf-8');
    expect(page.finalUrl).toBe(server.url('/guardian'));
    expect(page.body.toString('utf8')).toContain('Māori');
  });

  it('decodes gzip, deflate and brotli bodies to the same bytes', async () => {
    const plain = (await fetchPage(server.url('/guardian'))).body;
    for (const path of ['/gzip', '/deflate', '/brotli']) {
      expect((await fetchPage(server.url(path))).body.equals(plain)).toBe(true);
    }
  });

  it('follows up to five redirects and keeps the final address', async () => {
    const page = await fetchPage(server.url('/redirect/1'));
    expect(page.requestedUrl).toBe(server.url('/redirect/1'));
    expect(page.finalUrl).toBe(server.url('/guardian'));
    expect(page.redirects).toEqual([server.url('/redirect/2'), server.url('/redirect/3'), server.url('/guardian')]);
  });

  it('refuses more than five redirects, and follows exactly five', async () => {
    await expect(fetchPageChain(5)).resolves.toMatchObject({ status: 200 });
    const error = await failure(fetchPageChain(6));
    expect(error.message).toMatch(/^fetch: http:\/\/127\.0\.0\.1:\d+\/0: more than 5 redirects \(last to http:\/\/127\.0\.0\.1:\d+\/6\)$/u);
  });

  it('names a redirect loop', async () => {
    const error = await failure(fetchPage(server.url('/loop/a')));
    expect(error.message).toBe(
      `fetch: ${server.url('/loop/a')}: redirect loop: ${server.url('/loop/b')} → ${server.url('/loop/a')} leads back to an address already visited`,
    );
  });

  it('refuses a redirect to another scheme', async () => {
    const error = await failure(fetchPage(server.url('/to-ftp')));
    expect(error.message).toBe(`fetch: ftp://127.0.0.1/file: only http and https addresses can be fetched, not ftp: (redirected from ${server.url('/to-ftp')})`);
  });

  it('refuses addresses that are not http or https', async () => {
    expect((await failure(fetchPage('file:///etc/passwd'))).message).toBe('fetch: file:///etc/passwd: only http and https addresses can be fetched, not file:');
    expect((await failure(fetchPage('not a url'))).message).toBe('fetch: not a url: not a valid web address');
  });

  it('gives up on a slow response at the total timeout', async () => {
    const error = await failure(fetchPage(server.url('/slow'), { timeoutMs: 300 }));
    expect(error.message).toBe(`fetch: ${server.url('/slow')}: timed out after 0.3 s`);
  });

  it('stops an endless body at the size cap', async () => {
    const error = await failure(fetchPage(server.url('/endless'), { maxBytes: 1024 * 1024 }));
    expect(error.message).toBe(`fetch: ${server.url('/endless')}: the page is larger than 1 MB, the most Cuttings fetches (the body is longer); nothing was stored`);
  });

  it('stops a gzip bomb at the size cap, after decoding', async () => {
    const error = await failure(fetchPage(server.url('/bomb'), { maxBytes: 2 * 1024 * 1024 }));
    expect(error.message).toBe(`fetch: ${server.url('/bomb')}: the page is larger than 2 MB, the most Cuttings fetches (it decompresses to more); nothing was stored`);
  });

  it('names the HTTP status of a 404 and a 503', async () => {
    expect((await failure(fetchPage(server.url('/missing')))).message).toBe(`fetch: ${server.url('/missing')}: the server answered HTTP 404 Not Found`);
    const error = await failure(fetchPage(server.url('/broken')));
    expect(error.status).toBe(503);
    expect(error.message).toBe(`fetch: ${server.url('/broken')}: the server answered HTTP 503 Service Unavailable`);
  });

  it('names an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(fetchPage(`http://127.0.0.1:${port}/story`));
    expect(error.message).toBe(`fetch: http://127.0.0.1:${port}/story: 127.0.0.1:${port} refused the connection (host unreachable: nothing is listening there)`);
  });

  it('names a DNS failure', async () => {
    // The resolver answers as getaddrinfo does for a name that does not exist, without a network.
    const lookup = ((hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) => {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error);
    }) as unknown as import('node:net').LookupFunction;
    const error = await failure(fetchPage('http://no-such-host.invalid/story', { lookup }));
    expect(error.message).toBe('fetch: http://no-such-host.invalid/story: DNS lookup failed: no such host no-such-host.invalid');
  });
});

/** A chain of n redirects on its own server, to count past the limit. */
async function fetchPageChain(n: number): Promise<unknown> {
  const chain = createServer((request, response) => {
    const step = Number(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    if (step < n) {
      response.writeHead(302, { location: `/${step + 1}` });
      response.end();
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<p>end</p>');
    }
  });
  await new Promise<void>((resolve) => chain.listen(0, '127.0.0.1', resolve));
  const { port } = chain.address() as AddressInfo;
  try {
    return await fetchPage(`http://127.0.0.1:${port}/0`);
  } finally {
    chain.closeAllConnections();
    await new Promise<void>((resolve) => chain.close(() => resolve()));
  }
}
