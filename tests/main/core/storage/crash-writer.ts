// The child process of the crash test: adds and tags articles in a loop and prints a line for
// every write the library has acknowledged (the call resolved, so it must be on disk).
// The parent kills it with SIGKILL at random moments.
import { Library } from '../../../../main/core/library';

const [libraryPath, startAt] = process.argv.slice(2);
const library = await Library.open(libraryPath!);
process.stdout.write('open\n');
for (let n = Number(startAt), round = 0; ; n++, round++) {
  if (round % 8 === 3) {
    // Now and then a batch, as an import writes: its shards are flushed together.
    const items = Array.from({ length: 24 }, (_, i) => ({
      kind: 'text' as const,
      request: { text: `Batch report ${n}.${i}\n\nThe batch committee met about item ${n}.${i}.` },
      method: 'import' as const,
    }));
    const { added } = await library.addBatch(items);
    for (const article of added) process.stdout.write(`added ${article.id}\n`);
    n += 24;
  }
  const words = `Report ${n} from the crash test. The committee met again and agreed on item ${n}.`;
  const { id } = await library.addText({ text: `Crash report ${n}\n\n${words}\n\n${words}` });
  process.stdout.write(`added ${id}\n`);
  const tag = `batch/${n % 7}`;
  await library.updateTags(id, [tag], []);
  process.stdout.write(`tagged ${id} ${tag}\n`);
}
