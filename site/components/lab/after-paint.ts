/**
 * The panels follow the network after the terminal has drawn the reply: a change they hear about
 * while a keypress is handled is passed on after the next frame is painted (a frame callback,
 * then a task), once however many changes came in between. Re-rendering every panel before that
 * frame put tens of milliseconds between the learner's Enter and the reply on the screen.
 */

/** Wraps `listener` so that calls to the result reach it once, after the next paint. */
export function afterPaint(listener: () => void): { notify(): void; cancel(): void } {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    notify: () => {
      if (frame || timer !== null) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(() => {
          timer = null;
          listener();
        }, 0);
      });
    },
    cancel: () => {
      if (frame) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = 0;
      timer = null;
    },
  };
}
