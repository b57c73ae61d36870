/**
 * Canonical JSON: RFC 8785, the JSON Canonicalization Scheme (JCS). What Cuttings signs
 * (a capture's manifest, a custody log entry) is serialised this way, so that the same data
 * always gives the same bytes, in any program that implements the RFC, and a signature can
 * be checked against bytes a third party rebuilds rather than bytes they must take on trust.
 *
 * The rules (RFC 8785 §3.2): no white space; object members sorted by the UTF-16 code units
 * of their names; strings and numbers written as ECMAScript's JSON.stringify writes them
 * (numbers in the shortest form that reads back to the same double, which is exactly what
 * JavaScript's Number-to-string does); only JSON's own values. We write it here rather than
 * take a package: it is thirty lines over JSON.stringify, and what we sign should depend on
 * as little as possible.
 */
import { CuttingsError } from '../../../common/errors';

/** A lone surrogate: not Unicode text, so not I-JSON (RFC 8785 §3.2.2.2 refuses it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/**
 * The RFC 8785 serialisation of `value`, as a string (sign its UTF-8 bytes, see
 * {@link canonicalBytes}). Values are JSON's own: null, booleans, numbers, strings, arrays and
 * plain objects, whose members valued `undefined` are left out (as JSON.stringify does).
 * Throws `canonical json: …` for what JSON cannot hold: a number that is not finite, a lone
 * surrogate, `undefined` in an array, a function, a bigint, a Date.
 *
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** canonicalJson's UTF-8 bytes: what is hashed and signed. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(value: unknown, at: string): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CuttingsError('internal', `canonical json: ${at} is ${value}, which JSON cannot hold`);
    // ECMAScript's Number::toString is the serialisation RFC 8785 §3.2.2.3 prescribes; -0 is written 0.
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new CuttingsError('internal', `canonical json: ${at} holds a lone surrogate, which is not Unicode text`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item, i) => {
        if (item === undefined) throw new CuttingsError('internal', `canonical json: ${at}[${i}] is undefined, which JSON cannot hold`);
        return write(item, `${at}[${i}]`);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    // The default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for.
    members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${write(name, at)}:${write(member, `${at}.${name}`)}`).join(',')}}`;
  }
  const kind = typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'object without a prototype'}` : `a ${typeof value}`;
  throw new CuttingsError('internal', `canonical json: ${at} is ${kind}, which JSON cannot hold`);
}
