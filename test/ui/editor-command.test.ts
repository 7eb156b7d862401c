import { describe, expect, it } from 'vitest';
import { ReflectError } from '../../src/core/errors.js';
import { editorCommand, splitWords } from '../../src/ui/editor-command.js';

describe('splitWords: $VISUAL / $EDITOR as a shell would split it', () => {
  it.each([
    ['vi', ['vi']],
    ['code --wait', ['code', '--wait']],
    ['  nano   -w  ', ['nano', '-w']],
    ["'/opt/My Editor/ed' -n", ['/opt/My Editor/ed', '-n']],
    ['"/opt/My Editor/ed"', ['/opt/My Editor/ed']],
    ['/opt/My\\ Editor/ed', ['/opt/My Editor/ed']],
    ['vim -c "set tw=72"', ['vim', '-c', 'set tw=72']],
    ['emacsclient -a ""', ['emacsclient', '-a', '']],
    ['"say \\"hi\\""', ['say "hi"']],
    ['~/bin/ed', ['/home/me/bin/ed']],
    ['ed ~x a~', ['ed', '~x', 'a~']],
    ['$EDITOR', ['$EDITOR']],
  ])('%j is %j', (text, words) => {
    expect(splitWords(text, '/home/me')).toEqual(words);
  });

  it('refuses a quote left open', () => {
    expect(() => splitWords("'code --wait")).toThrow(ReflectError);
  });
});

describe('editorCommand', () => {
  it.each([
    [{ VISUAL: 'code --wait', EDITOR: 'nano' }, 'code', ['--wait', '/tmp/a b/entry.md']],
    [{ VISUAL: '', EDITOR: 'nano' }, 'nano', ['/tmp/a b/entry.md']],
    [{}, 'vi', ['/tmp/a b/entry.md']],
  ])('on POSIX runs %j with no shell, the path as one argument', (env, command, args) => {
    expect(editorCommand('/tmp/a b/entry.md', env, 'linux')).toEqual({ command, args, shell: false });
  });

  it('takes the config\'s editor over $VISUAL and $EDITOR', () => {
    expect(editorCommand('/tmp/e.md', { VISUAL: 'vim', EDITOR: 'nano' }, 'linux', "'/opt/my editor' -w")).toEqual({ command: '/opt/my editor', args: ['-w', '/tmp/e.md'], shell: false });
    expect(editorCommand('/tmp/e.md', { VISUAL: 'vim' }, 'linux', '  ')).toEqual({ command: 'vim', args: ['/tmp/e.md'], shell: false });
  });

  it.each([
    [{ VISUAL: 'code --wait' }, 'code --wait "C:\\Users\\A B\\entry.md"'],
    [{}, 'notepad "C:\\Users\\A B\\entry.md"'],
  ])('on Windows hands %j to the platform shell with the path quoted', (env, command) => {
    expect(editorCommand('C:\\Users\\A B\\entry.md', env, 'win32')).toEqual({ command, args: [], shell: true });
  });
});
