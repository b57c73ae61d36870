/**
 * A colour per tag, kept in the library (`<library>/tag-colours.json`) beside the saved
 * searches, so that it travels with it. Colours are keyed by the tag's key, so they hold
 * whatever the case the tag is shown in; renaming a tag carries its colour (tag-changes.ts).
 */
import type { TagCount } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { normaliseTag, tagKey } from '../../../common/tags';
import { LibraryJsonFile } from './library-json-file';

interface ColoursData {
  /** Tag key → `#rrggbb`. */
  colours: Record<string, string>;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/iu;

/** Changes to colours by tag key: a colour, or null for none. */
export type ColourChanges = Record<string, string | null>;

/** The tag colours of one library. */
export class TagColours {
  private constructor(private readonly file: LibraryJsonFile<ColoursData>) {}

  /** Reads the file (see LibraryJsonFile for a missing or damaged one). */
  static async open(root: string, readOnly: boolean): Promise<{ colours: TagColours; notice?: string }> {
    const { file, notice } = await LibraryJsonFile.open<ColoursData>(root, 'tag-colours.json', 'tag colours', readOnly, () => ({ colours: {} }), isColoursData);
    return { colours: new TagColours(file), notice };
  }

  /** The colour of a tag, by its key; undefined when it has none. */
  colourOfKey(key: string): string | undefined {
    return Object.hasOwn(this.file.data.colours, key) ? this.file.data.colours[key] : undefined;
  }

  /** Every coloured tag key, with its colour. */
  entries(): [string, string][] {
    return Object.entries(this.file.data.colours);
  }

  /** The tags with their colours added. */
  withColours(tags: TagCount[]): TagCount[] {
    return tags.map((entry) => {
      const colour = this.colourOfKey(tagKey(entry.tag));
      return colour === undefined ? entry : { ...entry, colour };
    });
  }

  /**
   * Sets or clears (null) one tag's colour. The tag is normalised; the colour must be
   * `#rrggbb` and is stored in lower case.
   */
  async set(tag: string, colour: string | null): Promise<void> {
    const key = tagKey(normaliseTag(tag));
    if (colour !== null && !HEX_COLOUR.test(colour)) {
      throw new CuttingsError('invalid-input', `tag colours: ${JSON.stringify(colour)} is not a colour; write it as #rrggbb, such as #3a7bd5`);
    }
    await this.change({ [key]: colour === null ? null : colour.toLowerCase() });
  }

  /** Applies colour changes by key in one write; returns what the changed keys held before. */
  async change(changes: ColourChanges): Promise<ColourChanges> {
    const colours = { ...this.file.data.colours };
    const before: ColourChanges = {};
    for (const [key, colour] of Object.entries(changes)) {
      before[key] = this.colourOfKey(key) ?? null;
      if (colour === null) delete colours[key];
      else colours[key] = colour;
    }
    if (Object.entries(changes).every(([key, colour]) => before[key] === colour)) return before;
    await this.file.write({ colours });
    return before;
  }
}

function isColoursData(data: unknown): data is ColoursData {
  if (typeof data !== 'object' || data === null) return false;
  const colours = (data as { colours?: unknown }).colours;
  return typeof colours === 'object' && colours !== null && !Array.isArray(colours) && Object.values(colours).every((value) => typeof value === 'string' && HEX_COLOUR.test(value));
}
