import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineEditor } from './line-editor.ts';
import { ScreenModel } from './testing/screen-model.ts';

function draw(cols: number, prompt: string): { editor: LineEditor; screen: ScreenModel } {
  const editor = new LineEditor(cols);
  editor.prompt = { text: prompt, style: '1' };
  const screen = new ScreenModel(cols);
  screen.write(editor.render());
  return { editor, screen };
}

describe('LineEditor editing', () => {
  it('inserts at the cursor and moves it', () => {
    const e = new LineEditor();
    e.insert('EHLO');
    e.left();
    e.left();
    e.insert('xy');
    expect(e.text).toBe('EHxyLO');
    expect(e.cursor).toBe(4);
  });

  it('ignores control characters in inserted text', () => {
    const e = new LineEditor();
    e.insert('a\x07b\x7fc');
    expect(e.text).toBe('abc');
  });

  it('backspace and delete remove before and under the cursor, and stop at the ends', () => {
    const e = new LineEditor();
    e.insert('abc');
    e.home();
    e.backspace();
    expect(e.text).toBe('abc');
    e.deleteForward();
    expect(e.text).toBe('bc');
    e.end();
    e.deleteForward();
    e.backspace();
    expect(e.text).toBe('b');
  });

  it('Ctrl+U, Ctrl+K and Ctrl+W kill text like readline', () => {
    const e = new LineEditor();
    e.insert('MAIL FROM:<a@b>  ');
    e.killWordBefore();
    expect(e.text).toBe('MAIL ');
    e.insert('TO');
    e.home();
    e.right();
    e.killToEnd();
    expect(e.text).toBe('M');
    e.end();
    e.killToStart();
    expect(e.text).toBe('');
  });

  it('moves by words', () => {
    const e = new LineEditor();
    e.insert('a1 LOGIN alice');
    e.wordLeft();
    expect(e.cursor).toBe(9);
    e.wordLeft();
    expect(e.cursor).toBe(3);
    e.wordRight();
    expect(e.cursor).toBe(8);
  });

  it('keeps astral characters whole', () => {
    const e = new LineEditor();
    e.insert('a📧b');
    e.left();
    e.backspace();
    expect(e.text).toBe('ab');
  });

  it('take() empties the line and returns it', () => {
    const e = new LineEditor();
    e.insert('QUIT');
    expect(e.take()).toBe('QUIT');
    expect(e.text).toBe('');
    expect(e.cursor).toBe(0);
  });
});

describe('LineEditor drawing', () => {
  it('draws the prompt and the text, with the cursor in place', () => {
    const { editor, screen } = draw(80, '> ');
    editor.insert('HELO x');
    editor.left();
    screen.write(editor.render());
    expect(screen.lines()).toEqual(['> HELO x']);
    expect([screen.row, screen.col]).toEqual([0, 7]);
  });

  it('hide() erases the line so output can go above it', () => {
    const { editor, screen } = draw(10, '> ');
    editor.insert('0123456789abc');
    screen.write(editor.render());
    screen.write(editor.hide() + 'server says\r\n' + editor.render());
    expect(screen.lines()).toEqual(['server say', 's', '> 01234567', '89abc']);
  });

  it('commit() leaves the line and moves below it', () => {
    const { editor, screen } = draw(10, '> ');
    editor.insert('01234567');
    editor.home();
    screen.write(editor.render());
    editor.insert('');
    screen.write(editor.render());
    screen.write(editor.commit());
    editor.take();
    screen.write('next');
    // The text filled the row exactly, so render() already stood on the next one.
    expect(screen.lines()).toEqual(['> 01234567', 'next']);
  });

  it('property: after any edits the screen shows prompt + text and the cursor where the editor says', () => {
    const op = fc.oneof(
      fc.string({ maxLength: 7 }).map((s) => ({ kind: 'insert' as const, s })),
      fc.constantFrom('left', 'right', 'home', 'end', 'backspace', 'deleteForward', 'killToStart', 'killWordBefore', 'killToEnd').map((kind) => ({ kind, s: '' })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.string({ maxLength: 5, unit: 'grapheme-ascii' }), fc.array(op, { maxLength: 40 }), (cols, p, ops) => {
        const prompt = `${p.replace(/[^ -~]/g, '')}> `;
        const { editor, screen } = draw(cols, prompt);
        for (const o of ops) {
          if (o.kind === 'insert') editor.insert(o.s.replace(/[^ -~]/g, ''));
          else editor[o.kind]();
          screen.write(editor.render());
        }
        const all = prompt + editor.text;
        const expected: string[] = [];
        for (let i = 0; i < all.length; i += cols) expected.push(all.slice(i, i + cols).trimEnd());
        while (expected.length > 1 && expected.at(-1) === '') expected.pop();
        expect(screen.lines()).toEqual(expected.length ? expected : ['']);
        const target = prompt.length + editor.cursor;
        expect([screen.row, screen.col]).toEqual([Math.floor(target / cols), target % cols]);
      }),
      { numRuns: 300 },
    );
  });
});
