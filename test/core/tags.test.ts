import { describe, expect, it } from 'vitest';
import { isValidTag, mergeTags, tagsInText } from '../../src/core/tags.js';

describe('tagsInText', () => {
  it.each([
    ['A hard day at #work.', ['work']],
    ['#Family first, then #deep-work and #work', ['family', 'deep-work', 'work']],
    ['Tags in unicode: #café #日記', ['café', '日記']],
    ['#1 priority, C# code, issue#42, https://x.org/#anchor', []],
    ['# A markdown heading and ##double', []],
    ['Ends with dash #growth- and dot #rest.', ['growth', 'rest']],
    ['Repeated #Work #work #WORK', ['work']],
  ])('finds the tags in %j', (text, tags) => {
    expect(tagsInText(text)).toEqual(tags);
  });
});

describe('tags given with --tag', () => {
  it('are lower-cased, de-duplicated and sorted', () => {
    expect(mergeTags(['Work', '#family'], ['work'])).toEqual(['family', 'work']);
  });
  it.each([
    ['work', true],
    ['deep-work', true],
    ['1st', false],
    ['two words', false],
    ['', false],
  ])('accepts %j as a tag: %s', (tag, ok) => {
    expect(isValidTag(tag)).toBe(ok);
  });
});
