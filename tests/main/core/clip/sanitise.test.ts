import { describe, expect, it } from 'vitest';
import { withDomWindow } from '../../../../main/core/clip/dom';
import { sanitiseHtml } from '../../../../main/core/clip/sanitise';

describe('sanitiseHtml', () => {
  const clean = (html: string, base: string | null = 'https://news.example/a/page.html'): string =>
    withDomWindow((window) => sanitiseHtml(window, html, base).innerHTML);

  it('removes scripts, handlers, embeds, forms, styles and SVG', () => {
    const html = clean(
      '<p onclick="x()" style="color:red" class="c" id="i" data-x="1" aria-label="l">Text</p><script>alert(1)</script>' +
        '<style>p{}</style><iframe src="https://e.example"></iframe><object data="x"></object><embed src="x">' +
        '<form><input value="v"><button>Go</button><label>Label</label></form><svg onload="x()"><text>svg</text></svg>',
    );
    expect(html).toBe('<p>Text</p><label>Label</label>'.replace('<label>Label</label>', 'Label'));
  });

  it('keeps reader structure', () => {
    const kept = '<h2>H</h2><blockquote><p><em>a</em> <strong>b</strong></p></blockquote><ol start="3"><li>c</li></ol>' +
      '<figure><figcaption>f</figcaption></figure><table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<pre><code>x = 1</code></pre>';
    expect(clean(kept)).toBe(kept);
  });

  it('keeps http, https and mailto links, absolute, and nothing else', () => {
    const html = clean(
      '<a href="../b.html">rel</a><a href="//cdn.example/x">proto</a><a href="mailto:a@b.example">mail</a>' +
        '<a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a><a href="ftp://f.example/">ftp</a><a href="vbscript:x">vb</a>',
    );
    expect(html).toBe(
      '<a href="https://news.example/b.html">rel</a><a href="https://cdn.example/x">proto</a><a href="mailto:a@b.example">mail</a>' +
        '<a>js</a><a>data</a><a>ftp</a><a>vb</a>',
    );
  });

  it('unhooks images from the network but keeps stored assets', () => {
    const html = clean(
      '<img src="img/a.jpg" alt="a" srcset="img/a2.jpg 2x"><img src="cuttings-asset:01ABC/b.png" alt="b">' +
        '<img src="data:image/png;base64,AAAA" alt="c"><img alt="no source">',
    );
    expect(html).toBe('<img alt="a" data-src="https://news.example/a/img/a.jpg"><img src="cuttings-asset:01ABC/b.png" alt="b">');
  });

  it('drops relative URLs when there is no base', () => {
    expect(clean('<a href="/x">x</a><img src="/y.jpg">', null)).toBe('<a>x</a>');
  });
});
