/** What the page says when a step or a button's action threw part-way: the columns may be half-done. */
export function StepFailure({ message, recover }: { message: string; recover: string }) {
  return (
    <p role="alert" className="mw-cmp-failure">
      That stopped part-way with an error: {message.replace(/\.$/, '')}. The columns may show it half done; {recover}
    </p>
  );
}
