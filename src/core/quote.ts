/**
 * A line of someone's writing cut to fit: at most `room` characters (code points, so an emoji is
 * never cut in half) with the ellipsis, at a word where one is near, without a dangling comma or
 * full stop before the "…". Whitespace, newlines included, reads as one space.
 */
export function cutQuote(text: string, room: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  if (chars.length <= room) return line;
  const cut = chars.slice(0, Math.max(1, room - 1)).join('');
  const space = cut.lastIndexOf(' ');
  const kept = space > cut.length * 0.5 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,.;:!?-]+$/, '') || kept}…`;
}
