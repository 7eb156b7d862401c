/** "1 entry", "2 entries": a count with the word that fits it, never "1 entries". */
export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
