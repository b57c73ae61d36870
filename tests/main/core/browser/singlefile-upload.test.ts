import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENDPOINT_PATHS } from '../../../../common/browser-protocol';
import { startBrowserEndpoint, type BrowserEndpoint } from '../../../../main/core/browser/browser-endpoint';
import { useTempLibrary } from '../../../temp-library';
import { bbcPage, PNG } from '../fetch/test-server';
import { sendRaw } from './endpoint-client';

const PAGE_URL = 'https://news.example/business/2005/markets';
const temp = useTempLibrary();
let endpoint: BrowserEndpoint;

beforeEach(async () => {
  endpoint = await startBrowserEndpoint({ library: () => temp.library });
});
afterEach(async () => {
  await endpoint.close();
});

/** A page as SingleFile saves it: every picture inside it as a data: URI. */
function singleFilePage(): string {
  const picture = Buffer.concat([PNG, Buffer.alloc(2000, 7)]).toString('base64');
  return bbcPage('business/001.txt').replace('</h1>', `</h1><img src="data:image/png;base64,${picture}" alt="A trader">`);
}

/** Uploads as SingleFile's RestFormApi does: a form with the page as a file and the address, a Bearer token. */
function upload(form: FormData, { token = endpoint.token, query = '', headers = {} }: { token?: string | null; query?: string; headers?: Record<string, string> } = {}) {
  return fetch(`http://127.0.0.1:${endpoint.port}${ENDPOINT_PATHS.singleFile}${query}`, {
    method: 'POST',
    body: form,
    headers: { accept: 'multipart/form-data', ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
  }).then(async (response) => ({ status: response.status, json: (await response.json()) as { ok: boolean; status?: string; id?: string; title?: string; error?: string } }));
}

function form(page = singleFilePage(), fields: { file?: string; url?: string } = {}): FormData {
  const data = new FormData();
  data.append(fields.file ?? 'file', new File([page], 'SingleFile.html', { type: 'text/html' }));
  data.append(fields.url ?? 'url', PAGE_URL);
  return data;
}

describe('SingleFile uploads', () => {
  it('stores the page with its pictures, under whatever field names SingleFile was given', async () => {
    const answer = await upload(form(singleFilePage(), { file: 'archive', url: 'pageurl' }), { query: '?tag=singlefile&tag=markets' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, status: 'added', title: 'Ad sales boost Time Warner profit' });
    const article = await temp.library.get(answer.json.id!);
    expect(article.tags).toEqual(['singlefile', 'markets']);
    expect(article.provenance).toMatchObject({ method: 'browser', clipper: 'singlefile', originalUrl: PAGE_URL });
    const asset = /src="cuttings-asset:([0-9a-f]{64}\.png)"/u.exec(article.html)?.[1];
    expect(asset && existsSync(join(temp.path, 'assets', asset))).toBe(true);
    expect(article.html).not.toContain('data:image');
  });

  it('skips a page already in the library unless told to keep it, and SingleFile still hears success', async () => {
    const first = await upload(form());
    const again = await upload(form());
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ ok: true, status: 'duplicate' });
    const kept = await upload(form(), { query: '?onDuplicate=version' });
    expect(temp.library.record(kept.json.id!).provenance.versionOf).toBe(first.json.id);
  });

  it('refuses an upload without the token, with a wrong one, or from a web page', async () => {
    expect(await upload(form(), { token: null })).toEqual({
      status: 401,
      json: { ok: false, error: "browser endpoint: the upload has no token; enter Cuttings' pairing token as SingleFile's authorization token" },
    });
    expect(await upload(form(), { token: 'guessed-token-0000000000' })).toEqual({
      status: 401,
      json: { ok: false, error: "browser endpoint: wrong token; enter the pairing token Cuttings shows now as SingleFile's authorization token" },
    });
    const page = await upload(form(), { headers: { origin: 'https://news.example' } });
    expect(page).toEqual({ status: 403, json: { ok: false, error: 'browser endpoint: /singlefile takes SingleFile\'s uploads, not a web page\'s; refused "https://news.example"' } });
    expect(temp.library.list()).toEqual([]);
  });

  it('refuses what is not a SingleFile form, with one line', async () => {
    const json = await sendRaw(endpoint.port, { path: ENDPOINT_PATHS.singleFile, headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(json.json.error).toBe('browser endpoint: SingleFile\'s upload must be multipart/form-data, not "application/json"');
    const noFile = new FormData();
    noFile.append('url', PAGE_URL);
    expect((await upload(noFile)).json.error).toBe("browser endpoint: the SingleFile upload holds no page; set SingleFile's data field name (e.g. file)");
    const broken = await sendRaw(endpoint.port, {
      path: ENDPOINT_PATHS.singleFile,
      headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nnot a part',
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toMatch(/^browser endpoint: the SingleFile upload is not a form that can be read \(/u);
    expect((await upload(form(), { query: '?onDuplicate=replace' })).json.error).toBe('browser endpoint: onDuplicate must be skip, keep or version, not "replace"');
    expect(temp.library.list()).toEqual([]);
  });
});
