/** The journal's unit: one piece of writing, free or an answer in a guided session. */
export interface Entry {
  id: string;
  /** The moment the entry is about (may differ from when it was written). */
  date: Date;
  createdAt: Date;
  updatedAt: Date | null;
  text: string;
  tags: string[];
  /** Set when the entry is an answer in a guided session. */
  session: EntrySession | null;
  /** The writer's label when confirmed, else the classifier's; null before classification. */
  label: string | null;
  /** Whose `label` it is: the writer's own, the classifier's proposal, or nobody's yet. */
  labelSource: LabelSource | null;
  /** Marked by the writer (`write --star`, `edit --star`) to find again. */
  starred: boolean;
}

export type LabelSource = 'writer' | 'model';

export interface EntrySession {
  id: string;
  setId: string;
  questionId: string;
  /** The question exactly as it was asked, so editing a prompt file never rewrites history. */
  question: string;
  position: number;
  /** 0 for the answer itself, k for the answer to the k-th deeper probe. */
  depth: number;
}

/** What `list`, `search` and `export` narrow by; every field is optional and all must hold. */
export interface EntryFilter {
  from?: Date;
  to?: Date;
  /** Every one of these tags (--tag). */
  tags?: string[];
  /** At least one of these tags (--any-tag). */
  anyTags?: string[];
  /** None of these tags (--not-tag). */
  notTags?: string[];
  /** Only starred entries. */
  starred?: boolean;
  /** Entries inside any one of these spans (inclusive): the same local day in earlier years. */
  days?: { from: Date; to: Date }[];
  label?: string;
  setId?: string;
  /** Only the answers of this guided session. */
  sessionId?: string;
  /** Only this one entry. */
  entryId?: string;
  limit?: number;
}

export const SHORT_ID_LENGTH = 8;

export const shortId = (id: string) => id.slice(0, SHORT_ID_LENGTH);

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim();
}
