import { describe, expect, it } from 'vitest';
import { levels } from '../../src/report/calendar-svg.js';

describe('levels', () => {
  it.each([
    ['no entry is level 0', [1, 2], [0], [0]],
    ['up to four distinct counts take a level each', [1, 2, 3, 5], [1, 2, 3, 5], [1, 2, 3, 4]],
    ['one long day does not flatten the others', [1, 1, 2, 2, 3, 40], [1, 2, 3, 40], [1, 2, 3, 4]],
    ['many distinct counts spread over four levels, in order', [1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 2, 3, 3, 4, 4]],
  ])('%s', (_name, window, asked, expected) => {
    const level = levels(window);
    expect(asked.map(level)).toEqual(expected);
  });
});
