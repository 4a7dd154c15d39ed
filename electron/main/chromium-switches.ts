/**
 * The switches the desk's Chromium runs with, set before `ready` (`index.ts`). The desk benchmark
 * launches its Chromium with the same ones (`tests/bench/parts/desk.ts`): it measures the desk as
 * the desk runs.
 */
export const deskChromiumSwitches: ReadonlyArray<readonly [name: string, value: string]> = [
  // After a key press Chromium holds IndexedDB's answers back until the page has drawn its next
  // frame (DeferRendererTasksAfterInput, for a faster paint after input). At the desk that answer is
  // the response to the key: a scanner's Enter waited for the next frame whenever anything on the
  // page moved (the last result's pop) — half a frame on average, a whole one at worst, per scan.
  ['disable-features', 'DeferRendererTasksAfterInput'],
];

/** The same switches as command-line arguments, for a Chromium launched by hand. */
export const deskChromiumArgs = (): string[] => deskChromiumSwitches.map(([name, value]) => `--${name}=${value}`);
