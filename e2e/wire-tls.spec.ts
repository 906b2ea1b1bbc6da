/**
 * The wire page on the real TLS 1.3 (simulator/tls/v13/): after STLS, each handshake record shows
 * what an observer sees (an application_data record) beside the message the learner's client
 * decrypted, and both fit the page at desktop and phone sizes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const SIZES = [
  { name: 'desktop', width: 1366, height: 860 },
  { name: 'phone', width: 390, height: 844 },
];

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no bounding box');
  return b;
}

async function inside(inner: Locator, outer: Locator | { x: number; y: number; width: number; height: number }, what: string) {
  const i = await box(inner);
  const o = 'boundingBox' in outer ? await box(outer) : outer;
  expect(i.x, `${what}: left`).toBeGreaterThanOrEqual(o.x - 0.5);
  expect(i.x + i.width, `${what}: right`).toBeLessThanOrEqual(o.x + o.width + 0.5);
}

async function stlsSession(page: Page): Promise<Locator> {
  await page.goto('/wire/');
  await expect(page.getByTestId('wire-lab')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Type it yourself' }).click();
  await page.getByRole('button', { name: 'Connect to mail.example.com:110' }).click();
  const input = page.getByLabel('Command to send');
  await expect(input).toBeEnabled();
  await input.fill('STLS');
  await input.press('Enter');
  await expect(page.getByTestId('client-console').getByText(/^TLS started: TLSv1\.3 TLS_AES_128_GCM_SHA256; certificate CN=mail\.example\.com issued by CN=Mailwire Virtual CA/)).toBeVisible();
  return page.getByTestId('wire-view');
}

for (const size of SIZES) {
  test(`${size.name}: the Certificate record is ciphertext to the observer and decrypted for the learner`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const wire = await stlsSession(page);
    const packets = wire.getByTestId('wire-packet');
    // ClientHello and ServerHello in the clear, then EncryptedExtensions … Finished as application_data.
    await expect(packets.filter({ has: page.locator('[data-message="ClientHello"]') })).toHaveCount(1);
    const certificate = packets.filter({ has: page.locator('[data-message="Certificate"]') });
    await expect(certificate).toHaveCount(1);
    await expect(certificate).toHaveAttribute('data-phase', 'tls');
    await expect(certificate.locator('summary')).toContainText('application_data (encrypted)');
    await certificate.locator('summary').click();
    const decrypted = certificate.getByTestId('wire-decrypted');
    await expect(decrypted).toBeVisible();
    await expect(decrypted).toContainText('What your client reads: Certificate');
    await expect(decrypted).toContainText('The observer sees only an application_data record');
    await expect(decrypted.getByTestId('wire-decrypted-fields')).toContainText(/CN=mail\.example\.com, issued by CN=Mailwire Virtual CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, names mail\.example\.com, key ECDSA P-256/);
    await inside(decrypted.getByTestId('wire-decrypted-fields'), decrypted, 'fields in the decrypted block');
    // RFC 8446 §4.4.2: the message starts with type 11 (0b), then the DER certificate.
    const hex = decrypted.locator('pre');
    await expect(hex).toContainText(/^0000 {2}0b /);
    await decrypted.scrollIntoViewIfNeeded();
    await inside(decrypted, certificate, 'decrypted block in its packet');
    await inside(certificate, wire, 'packet in the wire view');
    await inside(decrypted, { x: 0, y: 0, width: size.width, height: size.height }, 'decrypted block in the viewport');
    await inside(hex, decrypted, 'hex dump in the decrypted block');
    await page.screenshot({ path: `test-results/wire-tls-${size.name}.png`, fullPage: false });
    await decrypted.screenshot({ path: `test-results/wire-tls-${size.name}-decrypted.png` });
  });
}
