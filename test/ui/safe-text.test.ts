import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, safeLine, safeText } from '../../src/ui/safe-text.js';

// Anything a terminal would act on: C0 but tab/newline, DEL, C1, and the bidi overrides.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('safeText: what a person is shown', () => {
  it.each([
    ['plain text', 'I finally said no', 'I finally said no'],
    ['tabs and newlines stay', 'a\tb\nc', 'a\tb\nc'],
    ['OSC window title', 'x \x1b]0;pwned\x07', 'x ␛]0;pwned␇'],
    ['clear screen', '\x1b[2J', '␛[2J'],
    ['NUL and DEL', 'a\x00b\x7f', 'a␀b␡'],
    ['one-byte CSI (C1)', '\u009b31mred', '\\u009b31mred'],
    ['other C1 controls', '\u0080\u0085\u009d\u009f', '\\u0080\\u0085\\u009d\\u009f'],
    ['a lone CR is a control', 'secret\rshown', 'secret␍shown'],
    ['CRLF reads as a newline', 'one\r\ntwo', 'one\ntwo'],
    ['backspace, vertical tab, form feed', 'a\bb\vc\fd', 'a␈b␋c␌d'],
    ['bidi override and isolate', 'abc\u202edcba\u2066x\u2069', 'abc\\u202edcba\\u2066x\\u2069'],
    ['right-to-left script is left alone', 'שלום مرحبا', 'שלום مرحبا'],
    ['other Unicode is left alone', 'café ✦ 🙂 \u00a0', 'café ✦ 🙂 \u00a0'],
  ])('%s', (_, input, shown) => {
    expect(safeText(input)).toBe(shown);
  });

  it('never lets a raw control through, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !RAW.test(safeText(text).replace(/[\t\n]/g, ''))));
  });
});

describe('safeLine: text inside a one-line view', () => {
  it.each([
    ['newlines become spaces', 'first\nsecond', 'first second'],
    ['CRLF too', 'first\r\nsecond', 'first second'],
    ['line and paragraph separators too', 'a\u2028b\u2029c', 'a b c'],
    ['a lone CR is still shown', 'a\rb', 'a␍b'],
    ['and controls are shown as in safeText', 'x\x1b[2J\u009b', 'x␛[2J\\u009b'],
  ])('%s', (_, input, shown) => {
    expect(safeLine(input)).toBe(shown);
  });

  it('never leaves a line break', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[\r\n\u2028\u2029]/.test(safeLine(text))));
  });
});

describe('escapeJsonText: JSON on stdout', () => {
  it.each([
    ['C1 CSI', { text: 'a\u009b31m' }, '{"text":"a\\u009b31m"}'],
    ['DEL', { text: '\x7f' }, '{"text":"\\u007f"}'],
    ['line separators', { text: '\u2028\u2029' }, '{"text":"\\u2028\\u2029"}'],
    ['ESC is already escaped by JSON.stringify', { text: '\x1b' }, '{"text":"\\u001b"}'],
  ])('escapes %s', (_, value, json) => {
    expect(escapeJsonText(JSON.stringify(value))).toBe(json);
  });

  it('parses back to exactly the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const doc = { value, text, [text]: text };
        const json = escapeJsonText(JSON.stringify(doc, null, 2));
        expect(json).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
    );
  });
});
