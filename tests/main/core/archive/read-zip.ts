/** Reads a zip whole with yauzl (a reader that is not ours), for the tests of what Cuttings zips. */
import yauzl from 'yauzl';

/** A zip's entries as a reader sees them: name, compression method and bytes. */
export async function readZip(path: string): Promise<Map<string, { method: number; bytes: Buffer }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))));
  const entries = new Map<string, { method: number; bytes: Buffer }>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, { method: entry.compressionMethod, bytes: Buffer.concat(chunks) });
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

