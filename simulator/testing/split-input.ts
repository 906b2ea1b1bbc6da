/**
 * Input cut into pieces, as TCP may deliver it: a reply must come out with the piece that
 * completes its command, never later (no timer, no further input needed).
 */
import type { EngineDriver } from './transcript.ts';

/** The lines the server answered after each piece. */
export function answersPerPiece<S extends string, E>(driver: EngineDriver<S, E>, pieces: readonly string[]): string[][] {
  return pieces.map((piece) => driver.send(piece));
}

/** The usual cuts of `text`: in two at `at` (a negative `at` counts from the end), and a byte at a time. */
export function cuts(text: string, at: number): Array<{ name: string; pieces: string[] }> {
  return [
    { name: 'two writes', pieces: [text.slice(0, at), text.slice(at)] },
    { name: 'one byte at a time', pieces: [...text] },
  ];
}

/** Every piece but the last answered nothing; the last answered `expected` lines. */
export function onlyLast(answers: readonly string[][]): { before: string[]; last: string[] } {
  return { before: answers.slice(0, -1).flat(), last: answers.at(-1) ?? [] };
}
