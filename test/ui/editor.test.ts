import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editText } from '../../src/ui/editor.js';

describe('editText', () => {
  it('starts the editor without the passphrase, and keeps the draft in $XDG_RUNTIME_DIR, removed after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-editor-'));
    const runtime = mkdtempSync(join(tmpdir(), 'reflect-runtime-'));
    // The editor writes what it sees into the draft: the passphrase variable, and where the draft is.
    const script = join(dir, 'editor.sh');
    writeFileSync(script, '#!/bin/sh\nprintf "pass=[%s] file=%s" "$REFLECT_PASSPHRASE" "$1" > "$1"\n', { mode: 0o755 });
    const env = { VISUAL: script, REFLECT_PASSPHRASE: 'do-not-leak', REFLECT_PASSPHRASE_FILE: '/kept', XDG_RUNTIME_DIR: runtime, PATH: process.env.PATH };
    const text = editText('', env);
    expect(text).toMatch(/^pass=\[\] file=/);
    expect(text).toContain(runtime);
    expect(readdirSync(runtime)).toEqual([]);
    expect(env.REFLECT_PASSPHRASE).toBe('do-not-leak'); // reflect's own environment is untouched
  });
});
