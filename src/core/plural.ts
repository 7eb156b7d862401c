/** A count with its noun, as a person writes it: "1 answer", "3 answers", never "1 answers". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
