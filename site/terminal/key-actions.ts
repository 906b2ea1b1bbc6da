/**
 * What each key does to the line being typed (readline's bindings): the edits happen here, and
 * the outcome tells the session what else to do (run the line, complete, interrupt, clear).
 */
import type { History } from './history.ts';
import type { Key } from './keys.ts';
import type { LineEditor } from './line-editor.ts';

export type KeyOutcome = 'render' | 'enter' | 'tab' | 'interrupt' | 'clear' | 'ignore';

export function applyKey(e: LineEditor, history: History, key: Key): KeyOutcome {
  switch (key.type) {
    case 'text': e.insert(key.text); break;
    case 'enter': return 'enter';
    case 'backspace': e.backspace(); break;
    case 'delete': e.deleteForward(); break;
    case 'left': e.left(); break;
    case 'right': e.right(); break;
    case 'word-left': e.wordLeft(); break;
    case 'word-right': e.wordRight(); break;
    case 'home': e.home(); break;
    case 'end': e.end(); break;
    case 'up': { const t = history.previous(e.text); if (t !== undefined) e.set(t); break; }
    case 'down': { const t = history.next(); if (t !== undefined) e.set(t); break; }
    case 'tab': return 'tab';
    case 'ctrl': return ctrlKey(e, key.key);
  }
  return 'render';
}

function ctrlKey(e: LineEditor, letter: string): KeyOutcome {
  switch (letter) {
    case 'a': e.home(); return 'render';
    case 'e': e.end(); return 'render';
    case 'u': e.killToStart(); return 'render';
    case 'k': e.killToEnd(); return 'render';
    case 'w': e.killWordBefore(); return 'render';
    case 'c': return 'interrupt';
    case 'l': return 'clear';
    default: return 'ignore'; // other control keys do nothing here
  }
}
