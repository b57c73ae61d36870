/**
 * A PDF written top to bottom, page after page, with pdf-lib: headings, wrapped paragraphs,
 * label–value rows, monospaced blocks (hashes, keys, commands), marked status lines and
 * images, and a footer on every page. The fonts are DejaVu Sans and Sans Mono (the
 * `dejavu-fonts-ttf` package), embedded as subsets: they cover Latin, Greek, Cyrillic and
 * more, so an article's text appears as written and stays searchable and copyable in the
 * PDF (pdf-lib writes each font's ToUnicode map). Scripts DejaVu lacks (Chinese, Japanese,
 * Korean) show as empty boxes in the PDF; the bundle's text.txt keeps them exactly.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER = 28;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
/** Colours of the status marks. */
export const MARKS = { pass: rgb(0.05, 0.5, 0.2), warn: rgb(0.75, 0.45, 0), fail: rgb(0.75, 0.1, 0.1) } as const;

/** What a text is drawn with. */
interface TextStyle {
  font?: 'sans' | 'bold' | 'mono';
  size?: number;
  color?: RGB;
  indent?: number;
}

const require = createRequire(import.meta.url);

/** Reads one of DejaVu's fonts from the package. */
function dejavu(name: string): Promise<Buffer> {
  return readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
}

/** Whether a character is one no font draws (a control character, a zero-width space, a byte order mark). */
function isControl(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || code === 0x200b || code === 0xfeff;
}

/** A document being written. */
export class PdfFlow {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<'sans' | 'bold' | 'mono', PDFFont>,
  ) {
    this.newPage();
  }

  /** Starts a document with its metadata. */
  static async create(meta: { title: string; subject: string; creator: string; created: Date }): Promise<PdfFlow> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const [sans, bold, mono] = await Promise.all([dejavu('DejaVuSans'), dejavu('DejaVuSans-Bold'), dejavu('DejaVuSansMono')]);
    const fonts = {
      sans: await doc.embedFont(sans, { subset: true }),
      bold: await doc.embedFont(bold, { subset: true }),
      mono: await doc.embedFont(mono, { subset: true }),
    };
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setCreator(meta.creator);
    doc.setProducer(meta.creator);
    doc.setCreationDate(meta.created);
    doc.setModificationDate(meta.created);
    return new PdfFlow(doc, fonts);
  }

  private get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Makes room for `height` points, starting a new page if the rest of this one is too short. */
  private room(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  /** Starts the next part on a new page. */
  pageBreak(): void {
    this.newPage();
  }

  /** A heading: level 1 for the title, 2 for a section. */
  heading(text: string, level: 1 | 2 = 2): void {
    const size = level === 1 ? 17 : 12.5;
    this.y -= level === 1 ? 0 : 10;
    this.room(size * 3);
    this.paragraph(text, { font: 'bold', size });
    this.y -= 4;
  }

  /** Text wrapped to the width, keeping its line breaks. */
  paragraph(text: string, style: TextStyle = {}): void {
    const font = this.fonts[style.font ?? 'sans'];
    const size = style.size ?? 9.5;
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(clean(text), font, size, this.width - indent)) {
      this.room(leading);
      this.y -= leading;
      if (line !== '') this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: style.color ?? INK });
    }
  }

  /** Rows of a label and its value; the value wraps beside the label, monospaced when asked. */
  rows(rows: readonly (readonly [label: string, value: string, mono?: boolean])[]): void {
    const labelWidth = 118;
    const size = 9;
    const leading = size * 1.4;
    for (const [label, value, mono] of rows) {
      const font = mono ? this.fonts.mono : this.fonts.sans;
      const lines = this.wrap(clean(value), font, mono ? 8.2 : size, this.width - labelWidth);
      this.room(leading * Math.min(lines.length, 3));
      this.page.drawText(clean(label), { x: MARGIN, y: this.y - leading, size, font: this.fonts.sans, color: MUTED });
      for (const line of lines) {
        this.room(leading);
        this.y -= leading;
        this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y, size: mono ? 8.2 : size, font, color: INK });
      }
      this.y -= 2;
    }
  }

  /** A status line: a coloured mark, then the text. */
  mark(kind: keyof typeof MARKS, text: string): void {
    const symbol = { pass: '✓', warn: '!', fail: '✗' }[kind];
    const size = 9.5;
    const lines = this.wrap(clean(text), this.fonts.sans, size, this.width - 18);
    this.room(size * 1.4);
    this.page.drawText(symbol, { x: MARGIN, y: this.y - size * 1.35, size: size + 1, font: this.fonts.bold, color: MARKS[kind] });
    this.paragraph(lines.join('\n'), { indent: 18 });
  }

  /** A block of monospaced text (a command, a key), wrapped at any character. */
  code(text: string, indent = 12): void {
    this.paragraph(text, { font: 'mono', size: 8.2, indent });
  }

  /** Some empty space. */
  space(points = 6): void {
    this.y -= points;
  }

  /** An image, scaled to the width (and to at most half a page high), with a caption under it. */
  async image(bytes: Uint8Array, type: string, caption: string): Promise<boolean> {
    let image: PDFImage;
    try {
      if (type === 'image/png') image = await this.doc.embedPng(bytes);
      else if (type === 'image/jpeg') image = await this.doc.embedJpg(bytes);
      else return false;
    } catch {
      return false;
    }
    const scale = Math.min(1, this.width / image.width, (A4[1] / 2) / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    this.room(height + 20);
    this.y -= height;
    this.page.drawImage(image, { x: MARGIN, y: this.y, width, height });
    this.paragraph(caption, { size: 7.5, color: MUTED });
    this.y -= 6;
    return true;
  }

  /** Adds the footer to every page and returns the PDF's bytes. */
  async save(footer: string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = `${clean(footer)} · page ${i + 1} of ${pages.length}`;
      page.drawText(text, { x: MARGIN, y: MARGIN / 2, size: 7.5, font: this.fonts.sans, color: MUTED });
    });
    return this.doc.save();
  }

  /** Splits text into lines that fit `width`: at spaces where it can, anywhere in a word too long for a line. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/(?<= )/u)) {
        if (fits(line + word)) {
          line += word;
          continue;
        }
        if (line !== '') lines.push(line.trimEnd());
        line = '';
        let rest = word;
        // A word longer than the line (a hash, an address) is cut where the line ends.
        while (!fits(rest)) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut))) cut = Math.floor(cut * 0.9);
          while (fits(rest.slice(0, cut + 1))) cut++;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }
}

/** Text as the fonts can take it: tabs as spaces, other control characters left out. */
function clean(text: string): string {
  const spaced = text.replace(/\r\n?/gu, '\n').replace(/\t/gu, '    ');
  return [...spaced].filter((character) => !isControl(character)).join('');
}
