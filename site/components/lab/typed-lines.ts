/**
 * Splits terminal input at Enter so the lab can record each entered line: `onLine` gets the
 * editor's text just before the Enter reaches the session.
 */
export function feedWithLines(data: string, input: (chunk: string) => void, currentText: () => string, onLine: (line: string) => void): void {
  // Enter arrives as CR (xterm), or CR LF / LF in pasted text.
  const parts = data.split(/(\r\n|\r|\n)/);
  for (const part of parts) {
    if (part === '') continue;
    if (part === '\r' || part === '\n' || part === '\r\n') {
      onLine(currentText());
      input('\r');
    } else {
      input(part);
    }
  }
}
