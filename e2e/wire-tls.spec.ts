/**
 * The wire page on the real TLS 1.3 (simulator/tls/v13/): after STLS, each handshake record shows
 * what an observer sees (an application_data record) beside the message the learner's client
 * decrypted, and both fit the page at desktop and phone sizes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, expectInside, expectInsideHorizontally, SIZES, viewportBox } from './geometry.ts';
import { stlsWireSession } from './wire-page.ts';

async function stlsSession(page: Page): Promise<Locator> {
  const wire = await stlsWireSession(page);
  await expect(page.getByTestId('client-console').getByText(/^TLS started: TLSv1\.3 TLS_AES_128_GCM_SHA256; certificate CN=mail\.example\.com issued by CN=Mailwire Virtual CA/)).toBeVisible();
  return wire;
}

for (const [name, size] of Object.entries(SIZES)) {
  test(`${name}: the Certificate record is ciphertext to the observer and decrypted for the learner`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
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
    expectInside(await box(decrypted.getByTestId('wire-decrypted-fields')), await box(decrypted), 'fields in the decrypted block');
    // RFC 8446 §4.4.2: the message starts with type 11 (0b), then the DER certificate.
    const hex = decrypted.locator('pre');
    await expect(hex).toContainText(/^0000 {2}0b /);
    await decrypted.scrollIntoViewIfNeeded();
    expectInside(await box(decrypted), await box(certificate), 'decrypted block in its packet');
    expectInsideHorizontally(await box(certificate), await box(wire), 'packet in the wire view');
    // On a phone the block (hex dump and all) is taller than the screen: it must not be cut sideways.
    expectInsideHorizontally(await box(decrypted), viewportBox(page), 'decrypted block in the viewport');
    expectInside(await box(hex), await box(decrypted), 'hex dump in the decrypted block');
    await page.screenshot({ path: `test-results/wire-tls-${name}.png`, fullPage: false });
    await decrypted.screenshot({ path: `test-results/wire-tls-${name}-decrypted.png` });
  });
}
