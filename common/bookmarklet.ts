/**
 * The bookmarklet that sends the page open in the browser to Cuttings' loopback endpoint
 * (main/core/browser/browser-endpoint.ts): the page as the user sees it, after their login
 * and the site's scripts, so a paywalled story they can read is clipped whole — or only the
 * selection, if they selected something. Pure string building, so the app can show it.
 */
import { ENDPOINT_PATHS, PAIRING_TOKEN_HEADER } from './browser-protocol';

/** What the bookmarklet posts: JSON, with the pairing token in a header. */
export interface BrowserClip {
  /** The page's address (location.href). */
  url: string;
  /** The page's title. */
  title?: string;
  /** The whole document as the browser holds it now (outerHTML). */
  html?: string;
  /** The selected part of the page as HTML, when the user selected something. */
  selectionHtml?: string;
}

/** The header that carries the pairing token. */
export const TOKEN_HEADER = PAIRING_TOKEN_HEADER;

/**
 * The `javascript:` URL to save as a bookmark. `makeBookmarklet(43117, 'k3…')`. It posts to
 * http://127.0.0.1:PORT/clip and tells the user what happened with alert().
 */
export function makeBookmarklet(port: number, token: string): string {
  const source = `(function(){
var s=window.getSelection(),d=null;
if(s&&s.rangeCount&&!s.isCollapsed){d=document.createElement('div');for(var i=0;i<s.rangeCount;i++)d.appendChild(s.getRangeAt(i).cloneContents());}
var b={url:location.href,title:document.title};
if(d)b.selectionHtml=d.innerHTML;else b.html=document.documentElement.outerHTML;
fetch('http://127.0.0.1:${port}${ENDPOINT_PATHS.bookmarkletClip}',{method:'POST',headers:{'Content-Type':'application/json','${TOKEN_HEADER}':${JSON.stringify(token)}},body:JSON.stringify(b)})
.then(function(r){return r.json();})
.then(function(r){alert(r.ok?(r.status==='duplicate'?'Already in Cuttings: '+r.duplicate.title:'Clipped to Cuttings: '+r.title):'Cuttings: '+r.error);})
.catch(function(e){alert('Cuttings is not listening (is "Clip from the browser" turned on?): '+e);});
})();`;
  return `javascript:${encodeURIComponent(source.replace(/\n/gu, ''))}`;
}
