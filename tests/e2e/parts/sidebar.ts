/**
 * The sidebar as tests see it (a part of CuttingsPage): "All articles", the saved searches and
 * the tag tree. A test reaches it as `app.sidebar.tag('ukraine/diplomacy')` and so on.
 */
import type { Locator, Page } from '@playwright/test';
import { exactly } from './exactly';

/** The sidebar (renderer/components/sidebar.ts). */
export class Sidebar {
  constructor(private readonly page: Page) {}

  get nav(): Locator {
    return this.page.locator('#library-nav');
  }
  get allArticles(): Locator {
    return this.nav.locator('button[data-filter="all"]');
  }
  /** Every tag's button in the tree, in the tree's order. */
  get tags(): Locator {
    return this.nav.locator('button[data-filter="tag"]');
  }
  /** A tag in the tree, by its whole name (`transport/roads`), as it is spelled. */
  tag(tag: string): Locator {
    return this.nav.locator(`button[data-filter="tag"][data-tag="${tag.replace(/["\\]/gu, '\\$&')}"]`);
  }
  /** A tag's ⋯ button, which opens the Edit tag dialog. */
  editTag(tag: string): Locator {
    return this.page.getByRole('button', { name: `Edit tag ${tag}` });
  }
  /** Each tag's row: its fold button, colour, name, count and ⋯ button. */
  get tagRows(): Locator {
    return this.nav.locator('.tag-row');
  }
  /** A parent tag's fold button, which says whether it shows or hides the tags under it. */
  fold(action: 'Show' | 'Hide', tag: string): Locator {
    return this.page.getByRole('button', { name: `${action} the tags under ${tag}` });
  }
  /** A saved search's entry. */
  savedSearch(name: string): Locator {
    return this.nav.locator('button[data-saved]').filter({ has: this.page.locator('.nav-label', { hasText: exactly(name) }) });
  }
  /** A saved search's × button. */
  deleteSavedSearch(name: string): Locator {
    return this.page.getByRole('button', { name: `Delete saved search ${name}` });
  }
  /** The saved searches' names. */
  get savedSearches(): Locator {
    return this.nav.locator('button[data-saved] .nav-label');
  }
}
