/**
 * Tags come from `#word` in the text and from `--tag`. They are stored lower-case
 * so `#Work` and `--tag work` are the same tag.
 */

// A tag starts with a letter so "#1 priority" or "C#" are not tags, and must not be
// glued to a word or another '#' (a URL fragment, "##heading").
const TAG_IN_TEXT = /(?<![\p{L}\p{N}_#&/])#(\p{L}[\p{L}\p{N}_-]*)/gu;

export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#/, '').toLowerCase();
}

export function isValidTag(tag: string): boolean {
  return /^\p{L}[\p{L}\p{N}_-]*$/u.test(tag);
}

export function tagsInText(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TAG_IN_TEXT)) {
    // A trailing '-' or '_' is punctuation ("#work-"), not part of the tag.
    found.add(normaliseTag(match[1]!.replace(/[-_]+$/, '')));
  }
  return [...found];
}

export function mergeTags(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat().map(normaliseTag))].sort();
}
