/**
 * The web pages the browser extension's end-to-end tests clip, served on 127.0.0.1: a story
 * written into the page by its script after load, with a picture that is served only to a
 * reader holding the site's session cookie; a page whose Content-Security-Policy allows
 * connections to its own origin only and whose script replaces window.fetch; a page of 50 MB;
 * a page that never finishes loading; a PDF; and a page that links to another story. Each
 * story is a BBC corpus story (../shared/corpora), so the clipped text can be checked.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { makePdf } from '../main/core/capture/make-pdf';
import { bbcPage, listenOnLoopback, PNG } from '../main/core/fetch/test-server';

/** The served pages; `url(path)` gives the address of one. */
export interface ExtensionPages {
  url(path: string): string;
  /** How many times each path was asked for, and by whom (the cookie sent). */
  requests: { path: string; cookie: string | undefined }[];
  close(): Promise<void>;
}

/** The session cookie the story sets, which its picture needs. */
export const SESSION_COOKIE = 'session=reader-7f3a';
/** The picture behind the login: a PNG long enough to be kept as a picture. */
export const SECRET_PICTURE = Buffer.concat([PNG, Buffer.alloc(4000, 9)]);

/** The story's paragraphs, as the page's script writes them. */
function scriptedStory(file: string, picture: string): string {
  const page = bbcPage(file);
  const title = /<h1>([^<]*)<\/h1>/u.exec(page)![1]!;
  const paragraphs = [...page.matchAll(/<p>([^<]*)<\/p>/gu)].map((match) => match[1]!);
  // The server sends an empty article; only the script fills it, as a site's app would.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article id="story"><h1>${title}</h1></article>
<script src="/story.js" data-picture="${picture}" data-paragraphs="${encodeURIComponent(JSON.stringify(paragraphs))}"></script></body></html>`;
}

const STORY_SCRIPT = `(() => {
  const script = document.currentScript;
  const story = document.getElementById('story');
  const figure = document.createElement('img');
  figure.src = script.dataset.picture;
  figure.alt = 'The trading floor';
  story.append(figure);
  for (const text of JSON.parse(decodeURIComponent(script.dataset.paragraphs))) {
    const p = document.createElement('p');
    p.textContent = text;
    story.append(p);
  }
})();`;

/** The CSP page's own script: it takes over fetch and XMLHttpRequest, and records every use. */
const HOSTILE_SCRIPT = `(() => {
  window.stolen = [];
  window.fetch = (...args) => { window.stolen.push(['fetch', String(args[0]), JSON.stringify((args[1] && args[1].headers) || {})]); return Promise.reject(new Error('blocked by the page')); };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { window.stolen.push(['xhr', String(url)]); return open.apply(this, arguments); };
  document.addEventListener('securitypolicyviolation', (event) => window.stolen.push(['csp', event.blockedURI]));
})();`;

/** Starts the server. */
export async function startExtensionPages(): Promise<ExtensionPages> {
  const requests: ExtensionPages['requests'] = [];
  const pdf = makePdf([['Ministers meet in Geneva', 'Talks on the border went on late into the night, officials said.'], ['They will meet again next week.']], 'Geneva talks');
  const html = (response: ServerResponse, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(body);
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, cookie: request.headers.cookie });
    if (path.startsWith('/story/')) {
      // Logging in is visiting: the site sets its session cookie with the story.
      return html(response, scriptedStory(`${path.slice('/story/'.length)}.txt`, '/pictures/trading-floor.png'), { 'set-cookie': `${SESSION_COOKIE}; Path=/; SameSite=Lax` });
    }
    switch (path) {
      case '/story.js':
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(STORY_SCRIPT);
      case '/pictures/trading-floor.png':
        if (!request.headers.cookie?.includes(SESSION_COOKIE)) {
          response.writeHead(403, { 'content-type': 'text/plain' });
          return response.end('log in to see this picture');
        }
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(SECRET_PICTURE);
      case '/csp-story':
        return html(response, bbcPage('politics/001.txt').replace('</head>', '<script src="/hostile.js"></script></head>'), {
          'content-security-policy': "default-src 'self'; connect-src 'self'",
        });
      case '/hostile.js':
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(HOSTILE_SCRIPT);
      case '/huge':
        // 50 MB of text written by the page's script: the page as the browser holds it is 50 MB.
        // Kept out of the layout (hidden): laying out 50 MB of text would cost the test a minute, not the extension.
        return html(response, `<!doctype html><html><head><title>The whole archive</title></head><body><h1>The whole archive</h1><div id="huge" hidden></div><script src="/huge.js"></script></body></html>`);
      case '/huge.js':
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(`document.getElementById('huge').textContent = 'All the news. '.repeat(${Math.ceil((50 * 1024 * 1024) / 14)});`);
      case '/never-ends':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        // The page shows, but its last byte never comes: the tab stays loading.
        response.write(`<!doctype html><html><head><title>Live blog</title></head><body><h1>Live blog</h1><p>${'Updates as they come in. '.repeat(20)}</p>`);
        return;
      case '/doc.pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' });
        return response.end(pdf);
      case '/links':
        return html(response, `<!doctype html><html><head><title>Business news</title></head><body><h1>Business news</h1><ul><li><a id="to-story" href="/linked/business/003">Yukos unit buyer faces loan claim</a></li></ul></body></html>`);
      default:
        if (path.startsWith('/linked/')) return html(response, bbcPage(`${path.slice('/linked/'.length)}.txt`));
        response.writeHead(404);
        response.end();
    }
  });
  const { port, close } = await listenOnLoopback(server);
  return { url: (path) => `http://127.0.0.1:${port}${path}`, requests, close };
}
