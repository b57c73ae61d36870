import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, withDomWindow } from '../../../../main/core/clip/dom';
import { htmlToText } from '../../../../main/core/clip/html-to-text';

const textOf = (html: string): string =>
  withDomWindow((window) => htmlToText(parseHtmlDocument(window, `<body>${html}</body>`).body));

describe('htmlToText', () => {
  it('separates blocks with one blank line and collapses white space inside them', () => {
    expect(textOf('<h1> A\n  title </h1><p>One  <em>two</em>\n three.</p><div><p>Four.</p>Five.</div>')).toBe(
      'A title\n\nOne two three.\n\nFour.\n\nFive.',
    );
  });

  it('keeps <br> line breaks, <pre> layout and joins table cells', () => {
    expect(textOf('<p>a<br>b</p><pre>  x = 1\n\n\n  y = 2  \n</pre><table><tr><th>h1</th><th>h2</th></tr><tr><td>c1</td><td>c2</td></tr></table>')).toBe(
      'a\nb\n\n  x = 1\n\n  y = 2\n\nh1 | h2\n\nc1 | c2',
    );
  });

  it('skips scripts and styles and survives very deep nesting', () => {
    expect(textOf('<p>a<script>var x</script><style>p{}</style></p>')).toBe('a');
    const deep = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000);
    expect(textOf(deep)).toBe('deep');
  });

  it('drops soft hyphens and zero-width spaces, so that hyphenated words stay whole', () => {
    expect(textOf('<p>Mit&shy;tel&shy;al&shy;ter and zero\u200bwidth</p>')).toBe('Mittelalter and zerowidth');
  });
});
