// The harness pushes main's events (export progress) to the page as server-sent events: a
// page listening at HARNESS_EVENTS_PATH receives each broadcast event as one JSON message.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_EVENTS_PATH } from './harness-events';
import { startHarnessServer, type HarnessServer } from './http-server';

let root: string;
let server: HarnessServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cuttings-sse-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><script src="main.js"></script>');
  server = await startHarnessServer({ rootDir: root, handlers: new Map(), bridgeScript: '' });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('the harness event stream', () => {
  it('sends each broadcast event to a listening page as a server-sent event', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const request = get(`${server.url.slice(0, -1)}${HARNESS_EVENTS_PATH}`, (response) => {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          // The stream opens with a comment; broadcast once it has, then wait for the message.
          if (text.startsWith(': listening\n\n') && !text.includes('data:')) server.broadcast({ type: 'export-progress', done: 3, total: 10 });
          if (text.includes('\n\ndata: ') && text.endsWith('\n\n')) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', reject);
    });
    expect(received).toBe(': listening\n\ndata: {"type":"export-progress","done":3,"total":10}\n\n');
  });
});
