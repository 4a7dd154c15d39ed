import Dexie, { type DBCore, type Middleware } from 'dexie';

/**
 * Work to do the moment a read-write transaction has committed, before anything else hears of it.
 *
 * Dexie answers a commit by telling every live query, every other tab (a broadcast) and the page
 * (a DOM event), and the queries start reading again — all before the code awaiting the
 * transaction runs. What the desk shows for a scan (the committed row, the colour) should not wait
 * behind that: it is registered here and runs in the transaction's own `complete` event, which
 * comes only after the commit, ahead of Dexie's handlers (the middleware listens before Dexie does).
 */
const waiting = new WeakMap<IDBTransaction, Array<() => void>>();

/** Runs `work` when the current read-write transaction has committed (never, if it aborts). Outside one, never. */
export function whenCommitted(work: () => void): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans || trans.mode !== 'readwrite') return;
  const list = waiting.get(trans);
  if (list) list.push(work);
  else waiting.set(trans, [work]);
}

export const onCommitMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'onCommit',
  // Below Dexie's own (its live-query cache is level 0, and re-runs the queries on `complete`):
  // the one nearest IndexedDB listens first.
  level: -2,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options) as unknown as IDBTransaction;
        if (mode === 'readwrite') {
          trans.addEventListener('complete', () => {
            const list = waiting.get(trans);
            waiting.delete(trans);
            // One failing piece of work does not keep the others from running, nor Dexie from its own.
            for (const work of list ?? []) {
              try {
                work();
              } catch (error) {
                console.error(error);
              }
            }
          });
        }
        return trans as never;
      },
    };
  },
};
