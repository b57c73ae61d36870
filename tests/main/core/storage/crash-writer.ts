// The child process of the crash test: adds articles and edits their tags, notes and
// highlights in a loop, and prints a line for every write the library has acknowledged (the
// call resolved, so it must be on disk). The parent kills it with SIGKILL at random moments.
//
// Lines: `added ID`; for an edit, `will ID STATE` before it and `did ID STATE` once it is
// acknowledged, STATE being the article's tags, note and highlights as JSON (annotationState):
// an edit cut short by the kill may or may not have happened, but one acknowledged has.
import { Library } from '../../../../main/core/library';
import { annotationState, type AnnotationState } from './crash-state';

const [libraryPath, startAt] = process.argv.slice(2);
const library = await Library.open(libraryPath!);
process.stdout.write('open\n');

/** What this process knows of the articles it added or edited. */
const known = new Map<string, AnnotationState>();
const ids: string[] = [];
const QUOTES = ['committee met', 'agreed on item', 'from the crash test', 'Report'];

/** Runs an edit between its will and did lines; the state it will leave is predicted first. */
async function edit(id: string, predicted: AnnotationState, run: () => Promise<unknown>): Promise<void> {
  process.stdout.write(`will ${id} ${JSON.stringify(predicted)}\n`);
  await run();
  const state = annotationState(library.record(id));
  known.set(id, state);
  process.stdout.write(`did ${id} ${JSON.stringify(state)}\n`);
}

for (let n = Number(startAt), round = 0; ; n++, round++) {
  if (round % 8 === 3) {
    // Now and then a batch, as an import writes: its shards are flushed together.
    const items = Array.from({ length: 24 }, (_, i) => ({
      kind: 'text' as const,
      // Every passage the edits below highlight (QUOTES) is in the text.
      request: { text: `Batch report ${n}.${i}\n\nThe batch committee met about item ${n}.${i}. Report from the crash test: they agreed on item ${n}.${i}.` },
      method: 'import' as const,
    }));
    const { added } = await library.addBatch(items);
    for (const article of added) {
      process.stdout.write(`added ${article.id}\n`);
      ids.push(article.id);
      known.set(article.id, annotationState(library.record(article.id)));
    }
    n += 24;
  }
  const words = `Report ${n} from the crash test. The committee met again and agreed on item ${n}.`;
  const { id } = await library.addText({ text: `Crash report ${n}\n\n${words}\n\n${words}` });
  process.stdout.write(`added ${id}\n`);
  ids.push(id);
  known.set(id, annotationState(library.record(id)));

  // A tag on the new article, and edits to older ones: tags added and removed, notes set and
  // cleared, highlights added, commented and removed.
  const tag = `batch/${n % 7}`;
  await edit(id, { ...known.get(id)!, tags: [...new Set([...known.get(id)!.tags, tag])].sort() }, () => library.updateTags(id, [tag], []));
  const other = ids[Math.floor(Math.random() * ids.length)]!;
  const state = known.get(other)!;
  switch (round % 6) {
    case 0: {
      const removed = state.tags[0];
      const added = `edit/${n}`;
      const tags = [...new Set([...state.tags.filter((t) => t !== removed), added])].sort();
      await edit(other, { ...state, tags }, () => library.updateTags(other, [added], removed ? [removed] : []));
      break;
    }
    case 1:
    case 4: {
      const note = round % 12 === 10 ? '' : `Note ${n}: ask about item ${n}`;
      await edit(other, { ...state, note }, () => library.setNote(other, note));
      break;
    }
    case 2: {
      // A passage highlighted once is refused a second time (notes/highlights.ts); the random
      // pick of `other` comes back to an article now and then, so take a passage it lacks.
      const quote = QUOTES.map((_, i) => QUOTES[(n + i) % QUOTES.length]!).find((q) => !state.highlights.some((h) => h.startsWith(`${q}|`)));
      if (!quote) break;
      await edit(other, { ...state, highlights: [...state.highlights, `${quote}|`].sort() }, () => library.addHighlight({ id: other, quote }));
      break;
    }
    case 3: {
      const highlight = library.record(other).highlights?.[0];
      if (!highlight) break;
      const comment = `comment ${n}`;
      const highlights = state.highlights.map((h) => (h === `${highlight.quote}|${highlight.comment}` ? `${highlight.quote}|${comment}` : h)).sort();
      await edit(other, { ...state, highlights }, () => library.updateHighlight({ id: other, highlightId: highlight.id, comment }));
      break;
    }
    case 5: {
      const highlight = library.record(other).highlights?.[0];
      if (!highlight) break;
      const at = state.highlights.indexOf(`${highlight.quote}|${highlight.comment}`);
      const highlights = state.highlights.filter((_, i) => i !== at);
      await edit(other, { ...state, highlights }, () => library.removeHighlight({ id: other, highlightId: highlight.id }));
      break;
    }
  }
}
