import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../main/core/evidence/canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('writes the RFC’s own example (§3.2.2) as the RFC gives it', () => {
    // The input of RFC 8785 §3.2.2, as the JSON text the RFC shows, parsed by JSON.parse.
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts members by their UTF-16 code units (the RFC’s §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const names = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    expect(canonicalJson(input)).toBe(`{${names.map((name) => `${JSON.stringify(name)}:${JSON.stringify(input[name as keyof typeof input])}`).join(',')}}`);
  });

  it('leaves out undefined members, nests, and keeps no white space', () => {
    expect(canonicalJson({ b: [1, { d: 'x', c: undefined }], a: -0 })).toBe('{"a":0,"b":[1,{"d":"x"}]}');
  });

  it('refuses what JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('canonical json: $.a[1] is NaN, which JSON cannot hold');
    expect(() => canonicalJson({ a: '\ud800' })).toThrow('canonical json: $.a holds a lone surrogate');
    expect(() => canonicalJson([undefined])).toThrow('canonical json: $[0] is undefined');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('canonical json: $.when is a Date');
  });
});
