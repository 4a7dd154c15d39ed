import { test as base, expect } from '@playwright/test';
import { expectFeedback, scan, signIn } from './support/desk';
import { fakeCameraArgs } from './support/fake-camera-video';

/** The camera refused (the browser's prompt answered no): the desk says so and keeps working. */
const test = base.extend({
  launchOptions: [async ({ launchOptions }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs('deny')] }), { scope: 'worker' }],
});

const imei = '356938035643809';

test('the camera refused: says so in plain words, and the desk keeps working', async ({ page }) => {
  await signIn(page, 'KAM');
  await page.getByRole('button', { name: 'Scan med kamera' }).click();
  const problem = page.getByTestId('camera-panel').getByRole('alert');
  await expect(problem).toContainText('Adgang til kameraet blev nægtet.');
  await expect(problem).toContainText('Prøv igen');
  expect(page.workers()).toHaveLength(0);
  await scan(page, imei);
  await expectFeedback(page, 'good', `Modtaget: ${imei}`);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('camera-panel').getByRole('alert')).toContainText('Access to the camera was refused.');
});
