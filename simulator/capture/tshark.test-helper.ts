/**
 * Wireshark's tshark, for the capture tests that check a file decrypts. The test setup installs it
 * (simulator/transports/node/conformance-tools.sh); where it cannot (not root, not Debian), those
 * tests skip and say so in their names.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** tshark's version line, or null when it is not installed. */
export const TSHARK: string | null = (() => {
  try {
    return execFileSync('tshark', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'tshark';
  } catch {
    return null;
  }
})();

/** What the skipped suites' names say about tshark. */
export const TSHARK_LABEL = TSHARK ?? 'skipped: tshark is not installed (simulator/transports/node/conformance-tools.sh installs it as root on Debian)';

/** Writes `bytes` to `dir/name` and returns what `tshark -n -r` prints with `args`. */
export function tsharkRead(dir: string, name: string, bytes: Uint8Array, args: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  // -n: no name resolution; stderr (tshark's warning about running as root) is dropped.
  return execFileSync('tshark', ['-n', '-r', path, ...args], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
}
