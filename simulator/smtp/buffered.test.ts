/** `buffered` (the engine contract): unread input plus a DATA message or BDAT chunk being assembled. */
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../testing/transcript.ts';
import { smtpContext } from './server-fixture.test-helper.ts';
import { SmtpServer } from './server.ts';

const ENVELOPE = 'EHLO client.test\r\nMAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\n';

function session(settings = {}) {
  const server = new SmtpServer(smtpContext('mail.example.org', 25, settings));
  const driver = new EngineDriver(server);
  driver.start();
  return { server, driver };
}

describe('SmtpServer.buffered', () => {
  it('counts a command line that has not ended, and nothing once it is answered', () => {
    const { server, driver } = session();
    expect(server.buffered).toBe(0);
    driver.send('EHLO client.te');
    expect(server.buffered).toBe(14);
    expect(driver.send('st\r\n').at(-1)).toBe('250 HELP');
    expect(server.buffered).toBe(0);
  });

  it('counts the DATA message held so far until <CRLF>.<CRLF> delivers it', () => {
    const { server, driver } = session();
    driver.send(`${ENVELOPE}DATA\r\n`);
    driver.send('Subject: x\r\nhel');
    // "Subject: x" and its CRLF are held for the message; "hel" waits for its line end.
    expect(server.buffered).toBe(12 + 3);
    expect(driver.send('lo\r\n.\r\n').at(-1)).toMatch(/^250 /);
    expect(server.buffered).toBe(0);
  });

  it('stops counting DATA past the size limit (RFC 1870 §6.3: the rest is read and dropped)', () => {
    const { server, driver } = session({ maxMessageSize: 100 });
    driver.send(`${ENVELOPE}DATA\r\n`);
    for (let i = 0; i < 50; i++) driver.send(`${'x'.repeat(60)}\r\n`);
    expect(server.buffered).toBeGreaterThan(0);
    expect(server.buffered).toBeLessThanOrEqual(100);
    expect(driver.send('.\r\n').at(-1)).toMatch(/^552 /);
    expect(server.buffered).toBe(0);
  });

  it('counts a BDAT chunk as it arrives, and not a chunk too big to keep', () => {
    const { server, driver } = session({ maxMessageSize: 100 });
    driver.send(`${ENVELOPE}BDAT 10 LAST\r\nabcd`);
    expect(server.buffered).toBe(4);
    expect(driver.send('efghij').at(-1)).toMatch(/^250 /);
    expect(server.buffered).toBe(0);
    driver.send(`MAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\nBDAT 5000 LAST\r\n${'y'.repeat(3000)}`);
    expect(server.buffered).toBe(0);
    expect(driver.send('y'.repeat(2000)).at(-1)).toMatch(/^552 /);
  });
});
