// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feedback } from '../desk/use-desk';
import { useNewestFeedback } from './use-newest-feedback';
import type { ScanAgain } from './use-scan-input';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

describe('useNewestFeedback', () => {
  let root: Root;
  let container: HTMLDivElement;
  let shown: Feedback | null = null;

  function Probe({ desk, scanAgain }: { desk: Feedback | null; scanAgain: ScanAgain | null }) {
    shown = useNewestFeedback(desk, scanAgain);
    return null;
  }
  const render = (desk: Feedback | null, scanAgain: ScanAgain | null) => act(() => root.render(<Probe desk={desk} scanAgain={scanAgain} />));

  beforeEach(() => {
    container = document.createElement('div');
    root = createRoot(container);
  });
  afterEach(() => act(() => root.unmount()));

  const received: Feedback = { tone: 'good', message: { key: 'feedback.recorded', params: { device: '352906114004528' } }, n: 1 };
  const modeChanged: Feedback = { tone: 'info', message: { key: 'feedback.modeChanged', params: { mode: 'prepare' } }, n: 2 };

  it('shows whichever came last: the desk\'s result or the wedge\'s "scan again"', () => {
    render(null, null);
    expect(shown).toBeNull();
    render(received, null);
    expect(shown).toBe(received);

    const again = { read: '3529061', n: 1 };
    render(received, again);
    expect(shown).toEqual({ tone: 'warning', message: { key: 'scanners.scanAgain', params: { read: '3529061' } }, n: -1 });

    // The operator switches workflow with a click: the desk's newer result shows.
    render(modeChanged, again);
    expect(shown).toBe(modeChanged);

    // Another scan that did not come through, then a good scan clears it.
    render(modeChanged, { read: '3529061', n: 2 });
    expect(shown?.tone).toBe('warning');
    render(modeChanged, null);
    expect(shown).toBe(modeChanged);
  });

  it('shows a "scan again" that came while the desk screen was away', () => {
    render(received, { read: 'C02XK1', n: 3 });
    expect(shown?.message.key).toBe('scanners.scanAgain');
  });
});
