// A parser's message quoted in a Cuttings error stays on one line, so a refusal is one line.
import { describe, expect, it } from 'vitest';
import { oneLineMessage } from '../../common/errors';

describe('oneLineMessage', () => {
  it("writes the control characters of JSON.parse's quote of the bad input as escapes", () => {
    let thrown: unknown;
    try {
      JSON.parse('\u0000[\n  {\n    "title": 1\r\n');
    } catch (error) {
      thrown = error;
    }
    const message = oneLineMessage(thrown);
    // eslint-disable-next-line no-control-regex -- control characters are what must be gone
    expect(message).not.toMatch(/[\u0000-\u001f]/u);
    expect(message).toContain('\\n');
    expect(oneLineMessage('plain')).toBe('plain');
  });
});
