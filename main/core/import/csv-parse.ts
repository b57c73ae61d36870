/**
 * A strict RFC 4180 reader: fields separated by commas, records by CRLF or LF, fields in
 * double quotes may hold commas, quotes (doubled) and line breaks. A leading UTF-8 byte order
 * mark is dropped. Returns rows of fields, or throws naming the line of the fault.
 */
import { CuttingsError } from '../../../common/errors';

/** Parses CSV text into rows; `what` names the input in errors (`csv: pocket.csv line 4: …`). */
export function parseCsv(input: string, what = 'csv'): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // A blank line is no record.
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const after = text[i];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
          throw new CuttingsError('bad-content', `${what} line ${line}: a quoted field is followed by ${JSON.stringify(after)} instead of a comma or a line end`);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field !== '') throw new CuttingsError('bad-content', `${what} line ${line}: a quote in the middle of an unquoted field`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new CuttingsError('bad-content', `${what}: a quoted field that starts before line ${line + 1} is never closed`);
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return rows;
}

/** Rows as objects keyed by the header row's names (trimmed, lower-cased). */
export function csvRecords(input: string, what = 'csv'): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const rows = parseCsv(input, what);
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  if (header.length === 0) throw new CuttingsError('bad-content', `${what}: the file is empty`);
  const records = rows.slice(1).map((row, i) => {
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      values[name] = row[column] ?? '';
    });
    // Row numbers as a spreadsheet shows them: the header is row 1.
    return { line: i + 2, values };
  });
  return { header, records };
}
