import type { ReactNode } from 'react';

interface Props<T> {
  title: string;
  items: readonly T[];
  /** The button's word: continue, show the result, show the manifest. */
  action: string;
  onPick(item: T): void;
  /** What the line says about the item. */
  children(item: T): ReactNode;
}

/** A titled list of counts or batches, each line with its button; nothing when there are none. */
export function FlowList<T extends { id: string }>({ title, items, action, onPick, children }: Props<T>) {
  if (items.length === 0) return null;
  return (
    <section className="card">
      <h2>{title}</h2>
      <ul className="flow-list">
        {items.map((item) => (
          <li key={item.id} data-id={item.id}>
            <span className="mono">{item.id}</span> · {children(item)}{' '}
            <button type="button" onClick={() => onPick(item)}>
              {action}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
