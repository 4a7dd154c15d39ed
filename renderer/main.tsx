import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadSounds } from './feedback/sounds';
import { initI18n } from './i18n';
import { pickPlatform } from './platform';
import { openDb } from './store/open';
import { StoreRescue } from './store/StoreRescue';
import { loadSession, loadSettings } from './store/settings';
import './styles.css';

async function start(): Promise<void> {
  // Ask the browser never to evict the desk's store under storage pressure: it holds events not
  // yet synced. (Electron's storage is persistent already; a browser may say no, and we go on.)
  void navigator.storage?.persist?.().catch(() => false);
  let db;
  try {
    db = await openDb();
  } catch (error) {
    // No store, no app: say why in the operator's language and offer the way out.
    console.error(error);
    await initI18n();
    mount(<StoreRescue error={error} database="kvikdesk" />);
    return;
  }
  const [settings, session] = await Promise.all([loadSettings(db), loadSession(db)]);
  await initI18n(settings.language);
  const platform = pickPlatform();
  preloadSounds();
  mount(<App db={db} platform={platform} initialSettings={settings} initialSession={session} />);
}

function mount(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}

start().catch((error: unknown) => {
  // Before React is up there is no screen to put this on but the page itself.
  document.body.textContent = `Kvikdesk could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
