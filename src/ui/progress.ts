import type { Terminal } from './terminal.js';

/**
 * A progress bar on stderr for long runs, redrawn in place; silent when stderr is not a terminal,
 * so pipes and logs get only the result.
 */
export function progressBar(out: Terminal, total: number, what: string): { tick(done: number): void; clear(): void; end(): void } {
  if (!out.isTTY || total < 1000) return { tick: () => {}, clear: () => {}, end: () => {} };
  const width = Math.max(10, Math.min(40, out.columns - 40));
  let last = -1;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * width);
    if (filled === last && done < total) return;
    last = filled;
    out.write(`\r${out.style.cyan('█'.repeat(filled))}${out.style.dim('░'.repeat(width - filled))} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what}`);
  };
  // Cleared before other output lands on its line; the next tick draws it again.
  const clear = () => {
    if (last >= 0) out.write('\r\x1b[2K');
    last = -1;
  };
  return { tick: draw, clear, end: clear };
}
