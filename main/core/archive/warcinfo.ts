/**
 * The `warcinfo` record that opens every WARC Cuttings writes: which software wrote it, when,
 * to which version of the format, and what it holds.
 */
import { warcFields, type WarcRecordSpec } from './warc-record';

/** The WARC 1.1 specification the files conform to. */
export const WARC_1_1_SPEC = 'http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/';

/** The warcinfo record for a WARC named `filename`, written at `date` by `software`. */
export function warcinfoRecord(filename: string, date: Date, software: string, description: string): WarcRecordSpec {
  return {
    type: 'warcinfo',
    date: date.toISOString(),
    contentType: 'application/warc-fields',
    fields: [['WARC-Filename', filename]],
    block: [
      warcFields({
        software,
        format: 'WARC File Format 1.1',
        conformsTo: WARC_1_1_SPEC,
        description,
      }),
    ],
  };
}
