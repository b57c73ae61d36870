/**
 * Pocket's CSV export (part_000000.csv in the zip Pocket gives): the header
 * `title,url,time_added,tags,status`, tags separated by `|`, time_added in Unix seconds.
 * Pocket exports no text, so every item is kept as a URL-only record.
 */
import { CuttingsError } from '../../../common/errors';
import { csvRecords } from './csv-parse';
import { foreignCandidate, type ImportCandidate } from './import-candidate';

/** True when a CSV header is Pocket's. */
export function isPocketHeader(header: readonly string[]): boolean {
  return header.includes('url') && header.includes('time_added') && !header.includes('id');
}

/** Candidates from a Pocket CSV export. */
export function* readPocketCsv(input: string, what: string): Generator<ImportCandidate> {
  const { header, records } = csvRecords(input, `import: ${what}`);
  if (!header.includes('url')) throw new CuttingsError('bad-content', `import: ${what} has no "url" column; Pocket's export has title, url, time_added, tags and status`);
  for (const { line, values } of records) {
    yield foreignCandidate({
      label: `row ${line}`,
      title: values.title,
      url: values.url,
      tags: (values.tags ?? '').split('|'),
      original: Buffer.from(header.map((name) => values[name] ?? '').join(','), 'utf8'),
    });
  }
}
