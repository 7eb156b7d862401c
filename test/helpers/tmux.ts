import { execFileSync } from 'node:child_process';

/**
 * A real terminal for end-to-end tests: tmux runs the command, `type` sends keys, `waitFor`
 * polls the screen. Each instance has its own tmux server socket, so tests never collide.
 */
export class Terminal {
  private readonly socket = `reflect-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly session = 'reflect';

  constructor(command: string, env: Record<string, string>, size = { columns: 120, rows: 50 }) {
    const exports = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const [x, y] = [String(size.columns), String(size.rows)];
    this.tmux('new-session', '-d', '-s', this.session, '-x', x, '-y', y, `env ${exports} ${command}; echo "[exited $?]"; sleep 60`);
  }

  /** What the pane shows; `joined`: a line the terminal wrapped is one line again, to see overflow. */
  screen(joined = false): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.session, '-S', '-200');
  }

  /** The window title, as the program in the pane last set it (an OSC 0/2 sequence sets it). */
  title(): string {
    return this.tmux('display-message', '-p', '-t', this.session, '#{pane_title}').trim();
  }

  type(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.session, ...keys);
  }

  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const shows = typeof text === 'string' ? (s: string) => s.includes(text) : typeof text === 'function' ? text : (s: string) => text.test(s);
    for (;;) {
      const screen = this.screen();
      if (shows(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** What a test terminal's reflect sees: its own home, config and data, a colour terminal, UTC. */
export function terminalEnv(dir: string, db: string): Record<string, string> {
  return { REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: `${dir}/config`, XDG_DATA_HOME: `${dir}/data`, TERM: 'xterm-256color', TZ: 'UTC' };
}
