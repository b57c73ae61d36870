// @vitest-environment jsdom
/** A note's Markdown as formatted text: never parsed as HTML. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/reader/markdown-view';

function html(markdown: string): string {
  const div = document.createElement('div');
  div.append(renderMarkdown(markdown));
  return div.innerHTML;
}

describe('renderMarkdown', () => {
  it('formats headings, paragraphs, lists, quotes and inline marks', () => {
    expect(html('# Title\n\nSome **bold** and *it* and _it_ and `code`.\nSame paragraph.')).toBe(
      '<h4>Title</h4><p>Some <strong>bold</strong> and <em>it</em> and <em>it</em> and <code>code</code>. Same paragraph.</p>',
    );
    expect(html('- one\n- two\n\n1. first\n2) second\n\n> quoted\n> more')).toBe(
      '<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol><blockquote>quoted more</blockquote>',
    );
    expect(html('```\n<b>x</b>\n```')).toBe('<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>');
  });

  it('shows markup and links as the characters typed, never as elements', () => {
    expect(html('<img src=x onerror="alert(1)"> <script>alert(1)</script>')).toBe(
      '<p>&lt;img src=x onerror="alert(1)"&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(html('[the report](javascript:alert(1))')).toBe('<p>the report<span class="md-address"> (javascript:alert(1)</span>)</p>');
    expect(html('[site](https://example.com)')).toBe('<p>site<span class="md-address"> (https://example.com)</span></p>');
  });
});
