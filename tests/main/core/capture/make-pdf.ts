/**
 * Makes small, valid PDFs at test time, with a correct cross-reference table, so pdf.js reads
 * them as it would any PDF: typed pages (each line drawn in Helvetica, with a text layer) and,
 * with makeScannedPdf, scanned pages (a JPEG over the whole page and no text at all), as a
 * scanner's PDF or a half-typed, half-scanned one is. Binary image streams ride in the file as
 * Latin-1 characters, byte for byte.
 */

/** A page of makeScannedPdf: lines of text (a typed page), or a greyscale JPEG filling the page (a scanned one). */
export type PdfTestPage = string[] | { jpeg: Buffer; width: number; height: number };

const escape = (text: string) => text.replace(/[\\()]/gu, (c) => `\\${c}`);

/** One page per entry of `pages`, each line drawn in Helvetica; `title` goes in the Info dictionary. */
export function makePdf(pages: string[][], title?: string): Buffer {
  return makeScannedPdf(pages, title);
}

/** A PDF of typed and scanned pages (see the comment at the top). */
export function makeScannedPdf(pages: PdfTestPage[], title?: string): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dictionary: string, data: string) => add(`<< ${dictionary}/Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`);
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const page of pages) {
    if (Array.isArray(page)) {
      const content = stream('', ['BT', '/F1 12 Tf', '14 TL', '72 720 Td', ...page.map((line) => `(${escape(line)}) Tj T*`), 'ET'].join('\n'));
      kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
      continue;
    }
    const image = stream(`/Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode `, page.jpeg.toString('latin1'));
    const content = stream('', 'q 612 0 0 792 0 0 cm /Im1 Do Q');
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = title ? add(`<< /Title (${escape(title)}) >>`) : null;

  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
