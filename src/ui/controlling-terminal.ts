import { closeSync, openSync } from 'node:fs';

/** The controlling terminal, or null when there is none (a cron job, a CI run). */
export function openTerminal(): number | null {
  try {
    return openSync('/dev/tty', 'r');
  } catch {
    return null;
  }
}

/** Whether a passphrase can be asked: somewhere to show the question, and a terminal to type on. */
export function canAskHidden(): boolean {
  if (!process.stderr.isTTY) return false;
  if (process.stdin.isTTY) return true;
  const fd = openTerminal();
  if (fd === null) return false;
  closeSync(fd);
  return true;
}
