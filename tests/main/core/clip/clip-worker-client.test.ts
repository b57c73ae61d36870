// A large batch is clipped in the clip worker with the same outcome as in the library's own
// thread: the same articles, the same failures by index, in order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchItem } from '../../../../main/core/library';
import { REPO_ROOT } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

// Built to dist/ with the rest (tests/global-setup.ts builds it).
const WORKER = join(REPO_ROOT, 'dist', 'main', 'core', 'clip-worker.js');

const worker = useTempLibrary({ clipWorker: WORKER });
const thread = useTempLibrary();

/** 600 items (more than one part), with an empty one, a bad date and a page among them. */
function batch(): BatchItem[] {
  return Array.from({ length: 600 }, (_, i): BatchItem => {
    if (i === 7) return { kind: 'text', request: { text: '   ' }, method: 'import' };
    if (i === 300) return { kind: 'text', request: { text: 'Dated\n\nA story.', published: '2022-13-01' }, method: 'import' };
    if (i === 450) return { kind: 'html', request: { html: '<html lang="de"><head><title>Seite</title></head><body><article><h1>Seite</h1><p>Die Regierung hat am Montag in Berlin neue Regeln für den Handel beschlossen, die ab dem nächsten Jahr gelten sollen.</p></article></body></html>' }, method: 'import' };
    return { kind: 'text', request: { text: `Report ${i}\n\nThe harbour committee met on day ${i} and agreed the budget.`, tags: ['port'] }, method: 'import' };
  });
}

describe('a batch clipped in the clip worker', () => {
  it('stores and reports exactly what clipping in the library’s thread does', async () => {
    const [inWorker, inThread] = [worker.library, thread.library];
    const [a, b] = [await inWorker.addBatch(batch()), await inThread.addBatch(batch())];
    expect(a.failed).toEqual(b.failed);
    expect(a.failed.map((failure) => failure.index)).toEqual([7, 300]);
    const shape = (summaries: typeof a.added) => summaries.map(({ title, words, lang, tags, excerpt }) => ({ title, words, lang, tags, excerpt }));
    expect(shape(a.added)).toEqual(shape(b.added));
    expect(a.added).toHaveLength(598);
    expect((await inWorker.search('harbour budget')).total).toBe(597);
    const page = a.added.find((summary) => summary.title === 'Seite')!;
    expect((await inWorker.get(page.id)).lang).toBe('de');
  });
});
