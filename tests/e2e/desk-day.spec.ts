import { expect, test } from '@playwright/test';
import { expectFeedback, importCsv, listenForSounds, scan, signIn, soundsPlayed } from './support/desk';

// Five phones with valid IMEIs (Luhn), and one mistyped.
const imeis = ['354381079141772', '352099006317065', '352099009074390', '352099001761481', '868932036356090'];
const mistyped = '490154203237517';

test('a desk day: receive, prepare, hand out, return, repair, dispose, look up — and it survives a reload', async ({ page }) => {
  await listenForSounds(page);
  await signIn(page, 'MK');

  await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE1001;Søren Ærø;ØKF;soren@kk.dk\r\nE1002;Åse Lund;BUF;\r\n');
  await importCsv(page, 'models', 'Modeller', 'id;name;kind;gtin\r\nIP15;iPhone 15;phone;5728657070492\r\n');
  await page.getByRole('button', { name: 'Skranke' }).click();

  // Receive: the model from the box's GTIN, then five devices in a row.
  await expect(page.getByRole('tab', { name: 'Modtag', exact: true })).toHaveAttribute('aria-selected', 'true');
  await scan(page, '5728657070492');
  await expectFeedback(page, 'info', 'Model valgt: iPhone 15');
  for (const imei of imeis) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Modtaget: ${imei}`);
  }
  await expect(page.getByTestId('batch-count')).toHaveText('5 enheder');

  // The same device twice in a batch is a warning, not a second record.
  await scan(page, imeis[0]!);
  await expectFeedback(page, 'warning', 'Allerede scannet i denne omgang');
  await expect(page.getByTestId('batch-count')).toHaveText('5 enheder');

  // A mistyped IMEI: a clear error naming the check digit, and nothing recorded.
  await scan(page, mistyped);
  await expectFeedback(page, 'error', 'kontrolcifferet er 7, men skal være 8');
  await page.screenshot({ path: 'tests/artifacts/screens/desk-error.png' });
  await expect(page.getByTestId('batch-count')).toHaveText('5 enheder');

  // Prepare all five, switching workflow with a command card.
  await scan(page, 'KVIK:MODE:PREPARE');
  await expect(page.getByRole('tab', { name: 'Klargør', exact: true })).toHaveAttribute('aria-selected', 'true');
  for (const imei of imeis) {
    await scan(page, imei);
    await expectFeedback(page, 'good', `Klargjort: ${imei}`);
  }

  // Hand out: a scan while the employee search field has focus is still a scan, and the field keeps its text.
  await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  const search = page.locator('[data-field="employee-search"]');
  await search.click();
  await search.pressSequentially('Sø', { delay: 120 });
  await scan(page, imeis[0]!);
  await expectFeedback(page, 'error', 'Vælg medarbejderen');
  await expect(search).toHaveValue('Sø');
  await page.getByRole('option').getByText('Søren Ærø').click();
  await expect(page.getByTestId('employee-chosen')).toContainText('Søren Ærø (Økonomiforvaltningen)');
  await scan(page, imeis[0]!);
  await expectFeedback(page, 'good', `Udleveret: ${imeis[0]}`);
  await scan(page, imeis[1]!);
  await expectFeedback(page, 'good', `Udleveret: ${imeis[1]}`);
  await expect(page.getByTestId('batch-count')).toHaveText('2 enheder');
  await page.screenshot({ path: 'tests/artifacts/screens/desk-handout.png' });

  // Take one back as defective: the triage suggests repair.
  await scan(page, 'KVIK:MODE:RETURN');
  await page.locator('[data-field="condition"]').getByText('Defekt').click();
  await scan(page, imeis[1]!);
  await expectFeedback(page, 'good', `Returneret: ${imeis[1]}`);
  await expect(page.getByTestId('feedback')).toContainText('Foreslået næste skridt: Til reparation');
  await page.getByRole('button', { name: 'Skift til „Til reparation“' }).click();

  // Send it to repair and receive it back.
  await page.locator('[data-field="vendor"]').fill('Fixit ApS');
  await page.locator('[data-field="ticket"]').fill('R-778');
  await scan(page, imeis[1]!);
  await expectFeedback(page, 'good', `Sendt til reparation: ${imeis[1]}`);
  await scan(page, 'KVIK:MODE:REPAIRED');
  await scan(page, imeis[1]!);
  await expectFeedback(page, 'good', `Retur fra reparation: ${imeis[1]}`);

  // Dispose of another: refused until the method is chosen (it starts empty) and without evidence, recorded with a certificate.
  await page.getByRole('tab', { name: 'Bortskaf', exact: true }).click();
  await scan(page, imeis[4]!);
  await expectFeedback(page, 'error', 'Vælg, hvordan enhederne bortskaffes');
  await page.locator('[data-field="method"]').getByText('Genanvendt').click();
  await scan(page, imeis[4]!);
  await expectFeedback(page, 'error', 'Skriv slettebevis');
  await page.locator('[data-field="certificate"]').fill('CERT-2026-0042');
  await scan(page, imeis[4]!);
  await expectFeedback(page, 'good', `Bortskaffet: ${imeis[4]}`);

  // The lifecycle refuses what is not allowed: a disposed device cannot be handed out.
  await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
  await scan(page, imeis[4]!);
  await expectFeedback(page, 'error', 'Enheden er bortskaffet');

  // Look up the repaired device: everything about it and its history, newest first.
  await page.getByRole('button', { name: 'Opslag' }).click();
  await scan(page, imeis[1]!);
  const card = page.getByTestId('device-card');
  await expect(card).toContainText('På lager (ikke klargjort)');
  await expect(card).toContainText('iPhone 15');
  const history = page.getByTestId('history').locator('tbody tr');
  await expect(history.locator('td:nth-child(2)')).toHaveText(['Retur fra reparation', 'Sendt til reparation', 'Returneret', 'Udleveret', 'Klargjort', 'Modtaget']);
  await expect(history.first()).toContainText('MK');
  await expect(history.nth(1)).toContainText('Fixit ApS · R-778');
  await expect(history.nth(3)).toContainText('Søren Ærø · ØKF');
  await expect(history.last()).toContainText('Telefon · iPhone 15');
  await page.screenshot({ path: 'tests/artifacts/screens/lookup.png', fullPage: true });

  // The mistyped IMEI was never recorded.
  await page.locator('[data-field="lookup-search"]').fill(mistyped);
  await expect(page.getByRole('alert')).toContainText(`Ingen enhed med ${mistyped}`);

  // Every result sounded: good, warning and error.
  const sounds = await soundsPlayed(page);
  expect(sounds).toContain('good');
  expect(sounds).toContain('warning');
  expect(sounds).toContain('error');
  expect(sounds.filter((s) => s.startsWith('error loading'))).toEqual([]);

  // Power cut: reload, and everything is still there — signed in, devices, history.
  await page.reload();
  await expect(page.getByTestId('operator')).toContainText('MK');
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(imeis[0]!);
  await expect(page.getByTestId('device-card')).toContainText('Udleveret');
  await expect(page.getByTestId('device-card')).toContainText('Søren Ærø (Økonomiforvaltningen)');
  await page.locator('[data-field="lookup-search"]').fill(imeis[4]!);
  await expect(page.getByTestId('device-card')).toContainText('Bortskaffet');
  await expect(page.getByTestId('device-card')).toContainText('CERT-2026-0042');

  // One switch to English: the same screen in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'History (newest first)' })).toBeVisible();
  await expect(page.getByTestId('device-card')).toContainText('Disposed of');
  await expect(page.getByRole('button', { name: 'Lookup' })).toBeVisible();
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { name: 'Historik (nyeste først)' })).toBeVisible();
});

test('undo of the last action is a correction, not a deletion', async ({ page }) => {
  await signIn(page, 'AB');
  await scan(page, imeis[2]!);
  await expectFeedback(page, 'good', `Modtaget: ${imeis[2]}`);
  await scan(page, 'KVIK:MODE:PREPARE');
  await scan(page, imeis[2]!);
  await expectFeedback(page, 'good', `Klargjort: ${imeis[2]}`);
  await scan(page, 'KVIK:UNDO');
  await expectFeedback(page, 'warning', `Fortrudt: „Klargjort“ for ${imeis[2]} er annulleret.`);
  await page.getByRole('button', { name: 'Opslag' }).click();
  await page.locator('[data-field="lookup-search"]').fill(imeis[2]!);
  await expect(page.getByTestId('device-card')).toContainText('På lager (ikke klargjort)');
  await expect(page.getByTestId('history').locator('tbody tr td:nth-child(2)')).toHaveText(['Rettet', 'Klargjort', 'Modtaget']);
});
