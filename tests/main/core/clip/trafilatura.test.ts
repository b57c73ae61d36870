/**
 * A sample of the trafilatura evaluation pages (../shared/corpora/trafilatura-dev): mostly
 * German news and blogs, with the strings their article text must and must not contain.
 * Every 8th page, so that the test stays cheap; the whole set scored F1 0.887 when written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClipError } from '../../../../main/core/clip/clipped-article';
import { clipHtml } from '../../../../main/core/clip/html';

const ROOT = new URL('../../../../', import.meta.url);
const CORPUS = fileURLToPath(new URL('../shared/corpora/trafilatura-dev/', ROOT));
const SAMPLE_EVERY = 8;

interface Truth {
  file: string;
  with?: string[];
  without?: string[];
}

const truth: Record<string, Truth> = existsSync(join(CORPUS, 'evaldata-dev.json'))
  ? (JSON.parse(readFileSync(join(CORPUS, 'evaldata-dev.json'), 'utf8')) as Record<string, Truth>)
  : {};
const sample = Object.keys(truth)
  .sort()
  .filter((_, i) => i % SAMPLE_EVERY === 0);

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('a sample of the trafilatura pages', () => {
  it(`is present at ${CORPUS}`, () => {
    expect(Object.keys(truth)).toHaveLength(322);
  });

  it('clips without crashing and finds the article text (F1 ≥ 0.8)', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const refused: string[] = [];
    for (const key of sample) {
      const page = truth[key] as Truth;
      // Lenient decoding, as the CLI does: a few pages are not UTF-8.
      const html = readFileSync(join(CORPUS, 'html', page.file), 'utf8');
      let text = '';
      try {
        text = collapse(clipHtml(html, { url: key.startsWith('http') ? key : undefined }).text);
      } catch (error) {
        if (!(error instanceof ClipError)) throw error;
        refused.push(`${page.file}: ${error.message}`);
      }
      for (const wanted of page.with ?? []) {
        if (text.includes(collapse(wanted))) truePositives++;
        else falseNegatives++;
      }
      for (const unwanted of page.without ?? []) if (text.includes(collapse(unwanted))) falsePositives++;
    }
    const f1 = (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
    console.log(
      `trafilatura-dev sample: ${sample.length} pages, F1 ${f1.toFixed(3)} (TP ${truePositives}, FP ${falsePositives}, FN ${falseNegatives}), ${refused.length} refused`,
      ...refused.map((line) => `\n  ${line}`),
    );
    expect(refused).toEqual([]);
    expect(f1).toBeGreaterThanOrEqual(0.8);
  });
});
