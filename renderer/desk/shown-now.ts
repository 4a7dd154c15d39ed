import { useSyncExternalStore } from 'react';
import type { StoredEvent } from '../store/db';
import type { Feedback } from './use-desk';

/**
 * What a scan puts on screen the moment its transaction commits: the feedback and the recorded
 * row. Kept outside the app's React state, so showing them re-renders the feedback panel and the
 * running list with its count — the parts that subscribe here — not the whole app around them
 * (`use-desk.ts` presents them in one `flushSync`). The rest of the desk screen (the label and
 * receipt buttons) takes the committed rows as a transition, a moment later; the desk's own
 * bookkeeping (undo, the batch's duplicates) has them at once.
 */
export interface ShownNow {
  feedback: Feedback | null;
  /** Rows this desk committed, newest first, until the store's live query holds them (at most 50). */
  committed: StoredEvent[];
}

export class ShownNowStore {
  private state: ShownNow = { feedback: null, committed: [] };
  private readonly listeners = new Set<() => void>();

  readonly get = (): ShownNow => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A result on screen, with the row it recorded if it recorded one. */
  show(feedback: Feedback, recorded?: StoredEvent): void {
    this.state = { feedback, committed: recorded ? [recorded, ...this.state.committed.slice(0, 49)] : this.state.committed };
    for (const listener of this.listeners) listener();
  }
}

/** The store's state, re-rendering the calling component (only) when it changes. */
export function useShownNow(store: ShownNowStore): ShownNow {
  return useSyncExternalStore(store.subscribe, store.get);
}
