import { describe, expect, it } from 'vitest';
import { checkHighlightsInText, checkStoredAnnotations } from '../../../../main/core/notes/stored-annotations';

const highlight = { id: 'h1', quote: 'ninety minutes', prefix: 'for ', suffix: '.', comment: '', created: '2024-01-01T00:00:00.000Z' };

describe('checkStoredAnnotations', () => {
  it('accepts a record without annotations and one with sound ones', () => {
    expect(() => checkStoredAnnotations({})).not.toThrow();
    expect(() => checkStoredAnnotations({ note: 'n', highlights: [highlight] })).not.toThrow();
  });

  it('names what is wrong', () => {
    expect(() => checkStoredAnnotations({ note: 1 })).toThrow('"note" must be a string');
    expect(() => checkStoredAnnotations({ note: 'x'.repeat(100_001) })).toThrow('"note" has 100001 characters; a note may have at most 100000');
    expect(() => checkStoredAnnotations({ highlights: {} })).toThrow('"highlights" must be an array');
    expect(() => checkStoredAnnotations({ highlights: [null] })).toThrow('highlight 1 is not an object');
    expect(() => checkStoredAnnotations({ highlights: [{ ...highlight, prefix: null }] })).toThrow('highlight 1: "prefix" must be a string');
    expect(() => checkStoredAnnotations({ highlights: [{ ...highlight, quote: ' ' }] })).toThrow('highlight 1: "quote" is blank');
    expect(() => checkStoredAnnotations({ highlights: [highlight, highlight] })).toThrow('highlight 2: id "h1" is used twice');
  });
});

describe('checkHighlightsInText', () => {
  it('passes highlights the text holds and names the first it does not', () => {
    expect(() => checkHighlightsInText([highlight], 'They met for ninety\nminutes.')).not.toThrow();
    expect(() => checkHighlightsInText([highlight, { ...highlight, quote: 'an hour' }], 'They met for ninety minutes.')).toThrow(
      `highlight 2 ("an hour") is not in the article's text`,
    );
  });
});
