/** "1 answer", "3 answers": never "1 answers". `many` for words that do not just add an s. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
