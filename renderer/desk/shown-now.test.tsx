// @vitest-environment jsdom
import { act } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/db';
import { ShownNowStore, useShownNow } from './shown-now';
import type { Feedback } from './use-desk';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const feedback = (n: number): Feedback => ({ tone: 'good', message: { key: 'feedback.recorded' }, n });
const row = (i: number) => ({ id: `e${i}`, type: 'received', deviceKey: `imei:${i}`, at: new Date(i).toISOString(), data: {} }) as unknown as StoredEvent;

describe('ShownNowStore', () => {
  it('keeps the newest 50 committed rows, newest first, and the last result', () => {
    const store = new ShownNowStore();
    for (let i = 1; i <= 60; i++) store.show(feedback(i), row(i));
    store.show(feedback(61));
    const { committed, feedback: last } = store.get();
    expect(committed).toHaveLength(50);
    expect(committed[0]?.id).toBe('e60');
    expect(committed.at(-1)?.id).toBe('e11');
    expect(last?.n).toBe(61);
  });

  it('tells its listeners until they unsubscribe', () => {
    const store = new ShownNowStore();
    let told = 0;
    const stop = store.subscribe(() => told++);
    store.show(feedback(1));
    stop();
    store.show(feedback(2));
    expect(told).toBe(1);
  });
});

describe('useShownNow', () => {
  let root: Root;
  let container: HTMLDivElement;
  beforeEach(() => {
    container = document.createElement('div');
    root = createRoot(container);
  });
  afterEach(() => act(() => root.unmount()));

  it('shows a result within flushSync, re-rendering the parts that read it and not the screen around them', () => {
    const store = new ShownNowStore();
    const renders = { screen: 0, panel: 0 };
    function Panel() {
      renders.panel++;
      const { feedback: shown, committed } = useShownNow(store);
      return (
        <p data-n={shown?.n ?? 0}>
          {committed.map((e) => e.deviceKey).join(',')}
        </p>
      );
    }
    function Screen() {
      renders.screen++;
      return <Panel />;
    }
    act(() => root.render(<Screen />));
    expect(renders).toEqual({ screen: 1, panel: 1 });

    flushSync(() => store.show(feedback(7), row(7)));
    // On the page when flushSync returns: nothing waits for a later render.
    expect(container.querySelector('p')?.dataset.n).toBe('7');
    expect(container.textContent).toBe('imei:7');
    expect(renders).toEqual({ screen: 1, panel: 2 });
  });
});
