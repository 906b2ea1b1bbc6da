// page-world-not-terminal: the page's world reaching into the terminal.
import { history } from '../terminal/history.ts';

export const lines = history;
