// Tag rules: kept durably in the library, refused when their query does not parse, run over
// the archive after a dry run that changes nothing, and applied to each new cutting.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

const add = async (text: string, tags: string[] = []) => (await temp.library.addText({ text, tags })).id;

describe('tag rules', () => {
  it('are kept in the library with stable ids, across reopening', async () => {
    await temp.library.addTagRule('lavrov OR blinken', ['Diplomacy', 'diplomacy', 'people/ministers']);
    await temp.library.addTagRule('  tag:sport  ', ['leisure']);
    expect(await temp.library.removeTagRule(1)).toEqual([{ id: 2, query: 'tag:sport', tags: ['leisure'] }]);
    await temp.library.addTagRule('geneva', ['places/geneva']);
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect(reopened.tagRules()).toEqual([
        { id: 2, query: 'tag:sport', tags: ['leisure'] },
        { id: 3, query: 'geneva', tags: ['places/geneva'] },
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('refuse a query that does not parse (naming the fault), an empty query, bad tags and an unknown rule', async () => {
    await expect(temp.library.addTagRule('lavrov AND', ['x'])).rejects.toThrow("tag rules: the rule's query: AND needs a search term on each side at 8: …AND");
    await expect(temp.library.addTagRule('published:2022-13', ['x'])).rejects.toThrow('published: 2022-13 does not exist');
    await expect(temp.library.addTagRule('   ', ['x'])).rejects.toThrow('tag rules: a rule needs a query (an empty one would tag every article)');
    await expect(temp.library.addTagRule('peace', [])).rejects.toThrow('tag rules: a rule needs at least one tag to add');
    await expect(temp.library.addTagRule('peace', ['//'])).rejects.toThrow('tags: "//" is not a tag: it has no letters or digits');
    await expect(temp.library.addTagRule('peace', ['p'.repeat(500)])).rejects.toThrow('tags: a tag may have at most 100 characters');
    await expect(temp.library.removeTagRule(9)).rejects.toThrow('tag rules: there is no rule 9');
    expect(temp.library.tagRules()).toEqual([]);
  });

  it('run over the archive: a dry run counts and lists what would change and changes nothing; then apply', async () => {
    const talks = await add('Geneva talks\n\nLavrov met Blinken in Geneva.', ['Diplomacy']);
    const other = await add('Markets\n\nShares fell in Geneva on Monday.');
    const none = await add('Harvest\n\nApples in the valley.');
    await temp.library.addTagRule('lavrov', ['diplomacy', 'russia']);
    await temp.library.addTagRule('geneva', ['places/geneva']);
    const dry = await temp.library.applyTagRules({ dryRun: true });
    expect(dry.message).toBe('The rules would add tags to 2 articles');
    expect(dry.changed).toBe(2);
    expect(dry.changes).toEqual([
      { id: other, title: 'Markets', add: ['places/geneva'] },
      { id: talks, title: 'Geneva talks', add: ['russia', 'places/geneva'] },
    ]);
    expect(dry.rules.map(({ rule, matched, changed }) => [rule.id, matched, changed])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(temp.library.record(talks).tags).toEqual(['Diplomacy']);
    expect(temp.library.listTags()).toEqual([{ tag: 'Diplomacy', count: 1 }]);

    const progress: number[] = [];
    const applied = await temp.library.applyTagRules({ dryRun: false }, (done) => progress.push(done));
    expect(applied.message).toBe('The rules added tags to 2 articles');
    expect(progress.at(-1)).toBe(2);
    expect(temp.library.record(talks).tags).toEqual(['Diplomacy', 'russia', 'places/geneva']);
    expect(temp.library.record(other).tags).toEqual(['places/geneva']);
    expect(temp.library.record(none).tags).toEqual([]);
    expect((await temp.library.search('tag:places')).total).toBe(2);
    // Run again, or one rule alone: nothing left to do.
    expect((await temp.library.applyTagRules({ dryRun: true, ruleId: 2 })).message).toBe('Rule 2 would change nothing: every matching article has its tags');
    await expect(temp.library.applyTagRules({ dryRun: true, ruleId: 7 })).rejects.toThrow('tag rules: there is no rule 7');
  });

  it('tag each new cutting that matches, pasted, added in a batch or checked for duplicates', async () => {
    await temp.library.addTagRule('lavrov geneva', ['Ukraine/Talks']);
    await temp.library.addTagRule('"peace talks" OR tag:wire', ['watch']);
    await temp.library.addTagRule('source:reuters -apples', ['agency']);
    const seed = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8'), tags: ['ukraine/talks'] }, 'file');
    expect(seed.tags).toEqual(['ukraine/talks']);
    const wire = await temp.library.addText({ text: 'Wire copy\n\nNothing to see.', tags: ['wire'], source: 'Reuters' });
    expect(wire.tags).toEqual(['wire', 'watch', 'agency']);
    const { added } = await temp.library.addBatch([
      { kind: 'text', request: { text: 'Peace talks resume\n\nThe peace talks resume today.' }, method: 'paste' },
      { kind: 'text', request: { text: 'Apples\n\nApples from Reuters farm.', source: 'Reuters' }, method: 'paste' },
      { kind: 'html', request: { html: '<title>Lavrov in Geneva</title><article><p>Lavrov arrived in Geneva for talks with many words.</p></article>' }, method: 'file' },
    ]);
    expect(added.map((article) => article.tags)).toEqual([['watch'], [], ['ukraine/talks']]);
    // Stored so: in the catalog and in the capture's record, found by search.
    expect(temp.library.record(added[2]!.id).tags).toEqual(['ukraine/talks']);
    expect((await temp.library.get(added[0]!.id)).tags).toEqual(['watch']);
    expect((await temp.library.search('tag:watch')).total).toBe(2);
    const checked = await temp.library.addChecked({ kind: 'text', request: { text: 'Other peace talks\n\nMore peace talks elsewhere.' }, method: 'paste' }, 'ask');
    expect(checked.status === 'added' && checked.article.tags).toEqual(['watch']);
  });

  it('do not keep the library from opening when their file is damaged', async () => {
    await temp.library.addTagRule('peace', ['x']);
    await temp.library.close();
    await writeFile(join(temp.folder, 'library', 'tag-rules.json'), '{"nextId": "one", "rules": 3}');
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect(reopened.notices.some((notice) => /^tag rules: .*tag-rules\.json was damaged and moved to .*quarantine/u.test(notice))).toBe(true);
      expect(reopened.tagRules()).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
