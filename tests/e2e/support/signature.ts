import type { Page } from '@playwright/test';

/** A signature drawn with the mouse on the receipt's pad: a few strokes across it. */
export async function drawSignature(page: Page): Promise<void> {
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  const strokes = [
    [[0.1, 0.7], [0.2, 0.3], [0.3, 0.7], [0.4, 0.3], [0.5, 0.6]],
    [[0.55, 0.5], [0.7, 0.35], [0.85, 0.65], [0.9, 0.4]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke as [number, number][];
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}
