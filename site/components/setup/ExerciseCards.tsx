/** The exercises under a practice form (account dialog, POP3-or-IMAP practice): goal, hints, a solution on request. */
import type { ReactNode } from 'react';

export interface ExerciseCard {
  id: string;
  title: string;
  goal: string;
  hints: readonly string[];
}

export default function ExerciseCards<E extends ExerciseCard>({ exercises, solved, label, solution }: { exercises: readonly E[]; solved: ReadonlySet<string>; label: string; solution: (e: E) => ReactNode }) {
  return (
    <ol className="mw-setup__exercises" aria-label={label}>
      {exercises.map((e) => (
        <li key={e.id} className="mw-exercise mw-setup__exercise" data-id={e.id} data-solved={solved.has(e.id) ? 'true' : undefined}>
          <p className="mw-exercise__kicker">Exercise {solved.has(e.id) && <span className="mw-setup__done">· solved ✓</span>}</p>
          <h3 className="mw-exercise__title">{e.title}</h3>
          <p>{e.goal}</p>
          {e.hints.map((hint, i) => (
            <details key={hint}>
              <summary>Hint {i + 1}</summary>
              <p>{hint}</p>
            </details>
          ))}
          <details>
            <summary>Show a solution</summary>
            {solution(e)}
          </details>
        </li>
      ))}
    </ol>
  );
}
