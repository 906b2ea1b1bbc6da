import { describe, expect, it } from 'vitest';
import { decodeReplay } from '../../world/replay.ts';
import { explainTranscript } from './analyze.ts';
import { labPath } from './open-in-lab.ts';

describe('Open in the lab', () => {
  it("replays the client's lines on the matching lab port, with the password replaced", () => {
    const t = explainTranscript(['S: 220 mx ESMTP', 'C: EHLO a', 'S: 250 AUTH PLAIN', `C: AUTH PLAIN ${btoa('\0alice\0secret')}`, 'S: 535 5.7.8 no'].join('\n'));
    const path = labPath(t)!;
    expect(path.startsWith('/lab/#replay=')).toBe(true);
    const script = decodeReplay(path.slice('/lab/'.length))!;
    expect(script.terminals[0]).toEqual(['/connect mail.example.com 587', 'EHLO a', `AUTH PLAIN ${btoa('\0alice\0PASSWORD')}`]);
  });

  it('uses the port the tool names when it is a mail port, and IMAP LOGIN loses its password', () => {
    const t = explainTranscript(['* Connected to mail.example.com (192.0.2.1) port 993', '< * OK ready', '> A001 LOGIN alice wonderland', '< A001 OK done'].join('\n'));
    expect(decodeReplay(labPath(t)!.slice(5))!.terminals[0]).toEqual(['/connect mail.example.com 993', 'A001 LOGIN alice PASSWORD']);
  });

  it('offers nothing when there is no dialogue', () => {
    expect(labPath(explainTranscript('no mail here'))).toBeNull();
  });
});
