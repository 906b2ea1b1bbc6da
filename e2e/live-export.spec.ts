/** "Export as commands" on /live/: the live side's session as commands for the live server's host and port. */
import { expect, runOnBoth, test } from './live-fixture.ts';

test('the live transcript exports as openssl with STARTTLS on the live host and port', async ({ page, liveLab }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await runOnBoth(page, liveLab);
  const live = page.getByRole('region', { name: /^Live: localhost port \d+/ });
  await live.getByRole('button', { name: 'Export as commands' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-openssl')).toContainText(`openssl s_client -connect localhost:${liveLab.servers.ports.imap} -starttls imap -servername localhost -crlf -nocommands`);
  await expect(dialog).toContainText('a3 CAPABILITY');
  await expect(dialog).toContainText('swaks speaks SMTP only');
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(860);
});
