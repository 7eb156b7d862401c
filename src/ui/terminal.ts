import { Chalk, type ChalkInstance } from 'chalk';

/** Where a command writes: a stream plus what we know about it. */
export interface Terminal {
  write(text: string): void;
  isTTY: boolean;
  /** The width to fit one-line views to: the terminal's, else $COLUMNS, else 100. */
  columns: number;
  /** The terminal's height; unknown (so never paged) off a terminal. */
  rows?: number;
  /**
   * Resolves once what was written has gone out, and a failure to write it has been reported:
   * a note on stderr that follows the output ("20 of 47 shown") waits for this.
   */
  settled?(): Promise<void>;
  /** Colours and styles; every method is the identity when colour is off. */
  style: ChalkInstance;
}

/**
 * Colour only on a terminal, never with NO_COLOR (https://no-color.org), never on TERM=dumb.
 * FORCE_COLOR turns it on for a pipe (tests, `less -R`), but NO_COLOR still wins.
 */
export function colourLevel(isTTY: boolean, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false') return forced === '3' ? 3 : forced === '2' ? 2 : 1;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

/**
 * `--color` / `--no-color` outrank the environment (no-color.org: a flag beats NO_COLOR). They are
 * written into it, not passed around, because the prompt library and the editor read it themselves.
 */
export function applyColourFlag(env: NodeJS.ProcessEnv, on: boolean): void {
  if (on) {
    delete env.NO_COLOR;
    if (!env.FORCE_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') env.FORCE_COLOR = '1';
  } else {
    delete env.FORCE_COLOR;
    env.NO_COLOR = '1';
  }
}

/** A positive whole number from the environment (COLUMNS, LINES), else undefined. */
const sizeFrom = (value: string | undefined) => (value && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : undefined);

export function terminalFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Terminal {
  const isTTY = Boolean(stream.isTTY);
  // $COLUMNS wins, as for ls and git: it is how a person asks for a width (and tests set one).
  const columns = sizeFrom(env.COLUMNS) ?? (isTTY && stream.columns ? stream.columns : 100);
  const rows = isTTY ? sizeFrom(env.LINES) ?? (stream.rows || undefined) : undefined;
  return {
    write: (text) => void stream.write(text),
    // The write error, if any, is emitted after the callback: one more turn lets it end the run first.
    settled: () => new Promise((resolve) => stream.write('', () => setImmediate(resolve))),
    isTTY,
    columns,
    ...(rows ? { rows } : {}),
    style: new Chalk({ level: colourLevel(isTTY, env) }),
  };
}

/** Codes with which a read, write or mode change fails once the terminal is gone (closed window, lost connection). */
const TERMINAL_GONE = new Set(['EIO', 'EBADF', 'ENOTTY']);

export function isTerminalGone(error: unknown): boolean {
  return TERMINAL_GONE.has(String((error as NodeJS.ErrnoException | null)?.code));
}
