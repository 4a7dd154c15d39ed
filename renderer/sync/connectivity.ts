/** Whether the machine has a network at all, as the browser knows it. */
export interface Connectivity {
  isOnline(): boolean;
  /** Called with the new value on every change. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/**
 * The browser's `online`/`offline` events. They only say whether there is a network: "online"
 * with the server unreachable is common (a cable in, the VPN down), which is why the engine also
 * asks the server's health before each sync.
 */
export function browserConnectivity(win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'navigator'> = window): Connectivity {
  return {
    isOnline: () => win.navigator.onLine,
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      win.addEventListener('online', online);
      win.addEventListener('offline', offline);
      return () => {
        win.removeEventListener('online', online);
        win.removeEventListener('offline', offline);
      };
    },
  };
}

/** Always online, for Node (tests, benchmarks), where the health probe alone decides. */
export const alwaysOnline: Connectivity = { isOnline: () => true, subscribe: () => () => {} };
