import { describe, expect, it } from 'vitest';
import { LaunchBuffer } from '../../../main/policies/launch-buffer';

describe('LaunchBuffer', () => {
  it('holds what arrives before the receiver and hands it over in order, then passes later items at once', () => {
    const buffer = new LaunchBuffer<string>();
    buffer.push('second launch: story.html');
    buffer.push('open-file: week.cuttings');
    expect(buffer.pending).toBe(2);
    const received: string[] = [];
    buffer.deliverTo((item) => received.push(item));
    expect(received).toEqual(['second launch: story.html', 'open-file: week.cuttings']);
    expect(buffer.pending).toBe(0);
    buffer.push('third launch: notes.md');
    expect(received).toEqual(['second launch: story.html', 'open-file: week.cuttings', 'third launch: notes.md']);
    expect(buffer.pending).toBe(0);
  });

  it('hands over nothing twice and takes one receiver only', () => {
    const buffer = new LaunchBuffer<number>();
    buffer.push(1);
    const received: number[] = [];
    buffer.deliverTo((item) => received.push(item));
    expect(() => buffer.deliverTo(() => undefined)).toThrow('launch: the launch buffer already has a receiver');
    buffer.push(2);
    expect(received).toEqual([1, 2]);
  });

  it('still delivers the rest when the receiver throws on one held item, then reports the error', () => {
    const buffer = new LaunchBuffer<string>();
    for (const item of ['a', 'bad', 'c']) buffer.push(item);
    const received: string[] = [];
    expect(() =>
      buffer.deliverTo((item) => {
        if (item === 'bad') throw new Error('cannot open bad');
        received.push(item);
      }),
    ).toThrow('cannot open bad');
    expect(received).toEqual(['a', 'c']);
    buffer.push('d');
    expect(received).toEqual(['a', 'c', 'd']);
  });
});
