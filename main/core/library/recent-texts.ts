/**
 * The texts of the articles read lately (for snippets, highlights, suggested tags and the
 * duplicate check), so that reading the same few again does not go to disk each time.
 */
import { readCapture } from '../storage/captures';

/** How many article texts are kept for snippets. */
const RECENT_TEXTS = 200;

/** The few hundred article texts read last, oldest first. */
export class RecentTexts {
  private readonly texts = new Map<string, string>();

  constructor(private readonly root: string) {}

  /**
   * An article's text, for snippets: from the few hundred read last, or from its capture.
   * A capture is never rewritten, so a text once read stays right.
   */
  async textOf(id: string): Promise<string> {
    const cached = this.texts.get(id);
    if (cached !== undefined) {
      // Move it to the back: the oldest read comes first and goes first.
      this.texts.delete(id);
      this.texts.set(id, cached);
      return cached;
    }
    const { text } = await readCapture(this.root, id);
    this.texts.set(id, text);
    if (this.texts.size > RECENT_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }
}
