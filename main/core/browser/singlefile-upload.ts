/**
 * `POST /singlefile`: a page saved by SingleFile with its "upload to a REST form API"
 * destination, so that a SingleFile save lands in Cuttings directly. SingleFile posts
 * multipart/form-data with `Authorization: Bearer <token>` — the token Cuttings shows in its
 * Clip from the browser dialog — holding the saved page as a file (the "data field name") and
 * the page's address (the "URL field name"). Any field names work: the page is the form's
 * file, the address its http(s) value. The address may carry `?tag=…` (repeatable) and
 * `?onDuplicate=keep|version` (default skip: a page already in the library is not stored
 * twice, and SingleFile still hears success).
 *
 * SingleFile sends from its own extension context (or, as single-file-cli, from no browser at
 * all), never from a page; a web page's Origin is refused. The page is parsed with the
 * multipart parser Node's fetch (undici) carries, from a body read within the cap first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXTENSION_LIMITS } from '../../../common/browser-protocol';
import type { ArticleWriter } from '../library/article-access';
import { isWebAddress, singleFileItem } from './browser-clip';
import { isWebOrigin, mediaType, readLimited, refuse, sameSecret, send, tooLarge } from './endpoint-http';

/** Serves one SingleFile upload (the Host check is made before). */
export async function serveSingleFile(request: IncomingMessage, response: ServerResponse, token: string, library: () => ArticleWriter, maxBodyBytes = EXTENSION_LIMITS.maxBodyBytes): Promise<void> {
  const origin = request.headers.origin;
  if (origin !== undefined && isWebOrigin(origin)) {
    return refuse(request, response, 403, `browser endpoint: /singlefile takes SingleFile's uploads, not a web page's; refused ${JSON.stringify(origin.slice(0, 200))}`);
  }
  if (request.method !== 'POST') return refuse(request, response, 405, `browser endpoint: ${request.method} is not accepted; SingleFile POSTs a form`);
  const authorization = request.headers.authorization ?? '';
  const given = /^Bearer (.+)$/u.exec(authorization)?.[1];
  if (!given) return refuse(request, response, 401, "browser endpoint: the upload has no token; enter Cuttings' pairing token as SingleFile's authorization token");
  if (!sameSecret(given, token)) return refuse(request, response, 401, "browser endpoint: wrong token; enter the pairing token Cuttings shows now as SingleFile's authorization token");
  const type = mediaType(request);
  if (type !== 'multipart/form-data') return refuse(request, response, 415, `browser endpoint: SingleFile's upload must be multipart/form-data, not ${JSON.stringify(type)}`);
  const body = await readLimited(request, maxBodyBytes);
  if (body === null) return refuse(request, response, 413, tooLarge(maxBodyBytes));

  let form: FormData;
  try {
    form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': request.headers['content-type']! }, body: new Uint8Array(body) }).formData();
  } catch (error) {
    return refuse(request, response, 400, `browser endpoint: the SingleFile upload is not a form that can be read (${(error as Error).message})`);
  }
  const values = [...form.values()];
  const file = values.find((value): value is File => typeof value !== 'string');
  if (!file) return refuse(request, response, 400, "browser endpoint: the SingleFile upload holds no page; set SingleFile's data field name (e.g. file)");
  const url = values.find((value): value is string => typeof value === 'string' && isWebAddress(value));
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const onDuplicate = query.get('onDuplicate') ?? 'skip';
  if (onDuplicate !== 'skip' && onDuplicate !== 'keep' && onDuplicate !== 'version') {
    return refuse(request, response, 400, `browser endpoint: onDuplicate must be skip, keep or version, not ${JSON.stringify(onDuplicate.slice(0, 50))}`);
  }
  const outcome = await library().addChecked(singleFileItem(await file.text(), url, query.getAll('tag')), onDuplicate);
  send(
    response,
    200,
    outcome.status === 'added' ? { ok: true, status: 'added', id: outcome.article.id, title: outcome.article.title } : { ok: true, status: 'duplicate', duplicate: outcome.duplicate },
  );
}
