/** Reads a WARC whole with Webrecorder's warcio (npm), for the tests of what Cuttings writes. */
import { createReadStream } from 'node:fs';
import { WARCParser, type WARCRecord } from 'warcio';

/** A record as read: its WARC fields, its raw block, and (for HTTP records) the head and the payload. */
export interface ReadRecord {
  type: string;
  fields: Record<string, string>;
  block: Buffer;
  head: string;
  payload: Buffer;
}

/** Reads every record of a WARC with warcio, keeping each block whole (parseHttp off) to check its digest. */
export async function readWarc(path: string): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for await (const record of new WARCParser(createReadStream(path), { parseHttp: false }) as AsyncIterable<WARCRecord>) {
    const block = Buffer.from(await record.readFully(false));
    const fields = Object.fromEntries([...(record.warcHeaders.headers as Headers).entries()].map(([name, value]) => [name.toLowerCase(), value]));
    const http = record.warcType === 'request' || record.warcType === 'response';
    const split = http ? block.indexOf('\r\n\r\n') : -1;
    records.push({
      type: record.warcType,
      fields,
      block,
      head: split < 0 ? '' : block.subarray(0, split).toString('latin1'),
      payload: split < 0 ? block : block.subarray(split + 4),
    });
  }
  return records;
}

