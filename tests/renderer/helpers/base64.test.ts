/** Files go to main as base64. */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../renderer/helpers/base64';

describe('toBase64', () => {
  it('encodes bytes as base64, large ones a chunk at a time', () => {
    expect(toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('iVBORw==');
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
