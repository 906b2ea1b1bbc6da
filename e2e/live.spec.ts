/**
 * The lab in live mode: the same terminal, through a relay, on Dovecot started on loopback
 * (e2e/live-fixture.ts). Everything is typed in the browser; the assertions read the screen.
 */
import type { Page } from '@playwright/test';
import { expect, runOnBoth, test } from './live-fixture.ts';
import { enter, openLab, screenText } from './terminal.ts';

// One worker holds the servers; a live round trip through the relay can be slow on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

/** The screen with rows joined, so a long line wrapped over rows still matches. */
async function expectFlat(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(async () => (await screenText(page)).replace(/\n/g, ''), { timeout: 15_000 }).toMatch(pattern);
}

async function useRelay(page: Page, url: string): Promise<void> {
  await enter(page, `/relay ${url}`);
  await expectFlat(page, /Live connections now go through ws:\/\/127\.0\.0\.1:\d+\/relay\./);
}

test.describe('live mode against Dovecot through the relay', () => {
  test('STARTTLS on the IMAP port, then LOGIN and SELECT', async ({ page, liveLab }) => {
    await openLab(page);
    await useRelay(page, liveLab.relayUrl);
    await enter(page, `/connect --live localhost ${liveLab.servers.ports.imap}`);
    await expectFlat(page, /\* OK \[CAPABILITY [^\]]*STARTTLS[^\]]*\] Dovecot.* ready\./);
    await enter(page, 'a STARTTLS');
    await expectFlat(page, /a OK Begin TLS negotiation now\./);
    await expectFlat(
      page,
      /TLS is on: TLSv1\.[23], \w+; certificate CN=localhost issued by CN=Mailwire Test CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; name matches localhost\./,
    );
    await expectFlat(page, new RegExp(`localhost:${liveLab.servers.ports.imap} live tls>\\s*$`));
    await enter(page, 'a2 LOGIN alice wonderland');
    await expectFlat(page, /a2 OK .*Logged in/);
    // Tab offers what the inferred state allows: SELECT now that we are authenticated.
    await page.keyboard.type('a3 SEL');
    await page.keyboard.press('Tab');
    await page.keyboard.type('INBOX');
    await page.keyboard.press('Enter');
    await expectFlat(page, /\* \d+ EXISTS/);
    await expectFlat(page, /a3 OK \[READ-WRITE\] Select completed/);
    await enter(page, 'a4 LOGOUT');
    await expectFlat(page, /a4 OK Logout completed/);
    await expectFlat(page, /Connection closed by the (server|relay)/);
  });

  test('an untrusted certificate is a question; n closes the connection', async ({ page, liveLab }) => {
    await openLab(page);
    await useRelay(page, liveLab.untrustedRelayUrl);
    await enter(page, `/connect --live --tls localhost ${liveLab.servers.ports.imaps}`);
    await expectFlat(page, /TLS is on: TLSv1\.[23], .*issued by CN=Mailwire Test CA/);
    await expectFlat(page, /The server's certificate is not trusted: .+\. Go on anyway\? \(y\/n\)/);
    await expectFlat(page, /Go on\? \(y\/n\)\s*$/);
    // The greeting waits behind the question, as in a mail client's dialog.
    expect(await screenText(page)).not.toMatch(/\* OK/);
    await enter(page, 'n');
    await expectFlat(page, /Not going on: closing the connection\./);
    await expectFlat(page, /Connection closed by you\./);
    await expectFlat(page, /mailwire>\s*$/);
  });

  test('y goes on with the untrusted certificate', async ({ page, liveLab }) => {
    await openLab(page);
    await useRelay(page, liveLab.untrustedRelayUrl);
    await enter(page, '/live on');
    await enter(page, `/connect --tls localhost ${liveLab.servers.ports.imaps}`);
    await expectFlat(page, /Go on\? \(y\/n\)\s*$/);
    await enter(page, 'y');
    await expectFlat(page, /\* OK .*Dovecot.* ready\./);
    await enter(page, 'b1 CAPABILITY');
    await expectFlat(page, /b1 OK/);
  });

  test('says when no relay answers, and how to start one', async ({ page }) => {
    await openLab(page);
    await useRelay(page, 'ws://127.0.0.1:9/relay');
    await enter(page, '/connect --live localhost 143');
    await expectFlat(page, /No relay answers at ws:\/\/127\.0\.0\.1:9\/relay/);
    await expectFlat(page, /"npm start" runs one beside the site, or "npm run relay" on its own/);
    await expectFlat(page, /mailwire>\s*$/);
  });
});

test.describe('the same TLS line on the simulator', () => {
  test('STARTTLS typed on the virtual IMAP port starts TLS, shown in one line', async ({ page }) => {
    await openLab(page);
    await enter(page, '/connect --sim mail.example.com 143');
    await expectFlat(page, /\* OK \[CAPABILITY [^\]]*STARTTLS/);
    await enter(page, 'a STARTTLS');
    await expectFlat(page, /a OK Begin TLS negotiation now/);
    // With the lab's network on real TLS records the line names the virtual CA's certificate;
    // on the parameters-only stand-in it has the version and cipher alone.
    await expectFlat(
      page,
      /TLS is on: TLSv1\.3, TLS_\w+(\.|; certificate CN=mail\.example\.com issued by CN=Mailwire Virtual CA, valid [\d-]+ to [\d-]+; name matches mail\.example\.com\.)mail\.example\.com:143 tls>/,
    );
    await enter(page, 'a2 LOGIN alice wonderland');
    await expectFlat(page, /a2 OK/);
  });
});

test.describe('compare with the simulator', () => {
  test('runs the same lines on the virtual IMAP server and on Dovecot, side by side', async ({ page, liveLab }) => {
    await runOnBoth(page, liveLab);
    const sim = page.getByRole('region', { name: /^Simulator: mail\.example\.com port 143/ });
    const live = page.getByRole('region', { name: /^Live: localhost port \d+/ });
    await expect(sim).toContainText('Mailwire');
    await expect(live).toContainText('Dovecot');
    await expect(sim).toContainText('a4 OK');
    await expect(live).toContainText('a4 OK');
  });
});
