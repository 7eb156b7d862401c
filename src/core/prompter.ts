/**
 * What a guided session needs from a person, in domain words. The terminal adapter
 * (ui/inquirer-prompter.ts) implements it with @inquirer/prompts; tests use a scripted one.
 * Every method rejects with an `interrupted` ReflectError when the person presses Ctrl-C.
 */
export interface Choice<T> {
  value: T;
  label: string;
  hint?: string;
  /** chooseMany: ticked to begin with. */
  checked?: boolean;
}

export interface Prompter {
  /** One line of free text; '' when the person just presses Enter on an optional question. */
  ask(question: { message: string; hint?: string; required?: boolean; initial?: string }): Promise<string>;
  /** Longer writing, in the editor. */
  write(question: { message: string; hint?: string; required?: boolean }): Promise<string>;
  choose<T>(question: { message: string; hint?: string; choices: readonly Choice<T>[]; initial?: T }): Promise<T>;
  chooseMany<T>(question: { message: string; hint?: string; choices: readonly Choice<T>[]; required?: boolean }): Promise<T[]>;
  confirm(question: { message: string; hint?: string; initial?: boolean }): Promise<boolean>;
  /** A whole number in [min, max]. */
  scale(question: { message: string; hint?: string; min: number; max: number; labels?: Record<number, string>; required?: boolean }): Promise<number | null>;
}
