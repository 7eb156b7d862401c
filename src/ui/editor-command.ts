import { usageError } from '../core/errors.js';

/** How to start the editor on a file: a program and its arguments, or (Windows) one line for the shell. */
export interface EditorCommand {
  command: string;
  args: string[];
  shell: boolean;
}

/**
 * The config's `editor`, then `$VISUAL`, then `$EDITOR`, then the platform's own editor. On POSIX the setting is split into
 * words here (quotes and backslashes as a shell reads them, a leading ~/ as $HOME) and run without
 * a shell, so no `sh` is needed and the file path is never re-parsed. Windows has no argv of its
 * own: `code.cmd` and the like start only through cmd.exe, so the setting goes to the shell as it
 * is, with the path in double quotes (a Windows path cannot hold one).
 */
export function editorCommand(file: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, configured?: string): EditorCommand {
  const { setting } = editorSetting(env, platform, configured);
  if (platform === 'win32') return { command: `${setting} "${file}"`, args: [], shell: true };
  const [command, ...args] = splitWords(setting, env.HOME);
  if (!command) throw usageError('$VISUAL / $EDITOR is empty; set it to an editor, like EDITOR=nano');
  return { command, args: [...args, file], shell: false };
}

/** The editor setting in force and where it comes from (`reflect config` says both). */
export function editorSetting(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, configured?: string | null): { setting: string; from: 'config' | 'VISUAL' | 'EDITOR' | 'default' } {
  // The config's editor is chosen for reflect alone, so it comes first, as git's core.editor does.
  if (configured?.trim()) return { setting: configured.trim(), from: 'config' };
  if (env.VISUAL?.trim()) return { setting: env.VISUAL.trim(), from: 'VISUAL' };
  if (env.EDITOR?.trim()) return { setting: env.EDITOR.trim(), from: 'EDITOR' };
  return { setting: platform === 'win32' ? 'notepad' : 'vi', from: 'default' };
}

/** Words as a POSIX shell splits them, without expanding variables or globs. */
export function splitWords(text: string, home?: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false; // "" is a word of its own
  let quote: '"' | "'" | null = null;
  const add = (chars: string) => {
    word += chars;
    inWord = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';
    if (quote === "'") {
      if (c === "'") quote = null;
      else add(c);
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && /["\\$`]/.test(next)) add(text[++i]!);
      else add(c);
    } else if (c === "'" || c === '"') {
      quote = c;
      add('');
    } else if (c === '\\' && next) {
      add(text[++i]!);
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '~' && !inWord && home && (next === '' || next === '/' || /\s/.test(next))) {
      add(home);
    } else {
      add(c);
    }
  }
  if (quote) throw usageError(`can't read $VISUAL / $EDITOR (${text}): a ${quote} quote is not closed`);
  if (inWord) words.push(word);
  return words;
}
