/** "1 entry", "2 entries", "0 files": a count with its noun, never "1 entries". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
