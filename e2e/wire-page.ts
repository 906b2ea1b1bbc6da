/** The /wire/ page's client console, driven as a learner does it. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens /wire/, connects its console to POP3 on mail.example.com and sends STLS; returns the wire view. */
export async function stlsWireSession(page: Page): Promise<Locator> {
  await page.goto('/wire/');
  await expect(page.getByTestId('wire-lab')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Type it yourself' }).click();
  await page.getByRole('button', { name: 'Connect to mail.example.com:110' }).click();
  const input = page.getByLabel('Command to send');
  await expect(input).toBeEnabled();
  await input.fill('STLS');
  await input.press('Enter');
  return page.getByTestId('wire-view');
}
