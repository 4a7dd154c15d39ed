import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { localeOf } from '../i18n';
import { inventoryOfThisPage } from './served-by-inventory';
import { serverUrlSchema } from './sync-config';
import { useSync } from './sync-context';
import { readSyncState } from './sync-state';
import { SyncStatus } from './SyncStatus';

/**
 * Where this desk syncs to: the server's address and the desk's token. The token goes to the
 * platform (the main process keeps it, encrypted where the OS can) and is never shown again;
 * the form only says whether one is stored and how.
 */
export function SyncSettings() {
  const { t, i18n } = useTranslation();
  const { db, settings } = useServices();
  const { config, hasToken, configure } = useSync();
  const [serverUrl, setServerUrl] = useState(config.serverUrl);
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);
  const state = useLiveQuery(() => readSyncState(db), [db]);

  // Opened from the central inventory itself: its address is the one to sync with.
  useEffect(() => {
    if (config.serverUrl) return;
    let live = true;
    void inventoryOfThisPage().then((origin) => {
      if (live && origin) setServerUrl((typed) => typed || origin);
    });
    return () => {
      live = false;
    };
  }, [config.serverUrl]);

  return (
    <form
      className="card sync-settings"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!serverUrlSchema.safeParse(serverUrl).success) {
          setMessage({ tone: 'error', text: t('sync.settings.urlInvalid') });
          return;
        }
        await configure(serverUrl, token.trim() ? token.trim() : undefined);
        setToken('');
        setMessage({ tone: 'good', text: t('sync.settings.saved') });
      }}
    >
      <h2>{t('sync.settings.title')}</h2>
      <p className="hint">{t('sync.settings.intro')}</p>
      <label className="field">
        {t('sync.settings.serverUrl')}
        <input name="serverUrl" type="url" value={serverUrl} placeholder="https://inventory.example:8787" autoComplete="off" spellCheck={false} onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      <p className="hint">{t('sync.settings.deskIdNote', { deskId: settings.deskId })}</p>
      <label className="field">
        {t('sync.settings.token')}
        <input name="deskToken" type="password" value={token} autoComplete="off" spellCheck={false} onChange={(e) => setToken(e.target.value)} />
      </label>
      <p className="hint" data-testid="token-state">
        {hasToken ? t('sync.settings.tokenSet') : t('sync.settings.tokenMissing')}{' '}
        {hasToken && config.tokenEncrypted !== undefined && (config.tokenEncrypted ? t('sync.settings.tokenEncrypted') : t('sync.settings.tokenPlain'))}
      </p>
      {message && (
        <p className={`notice ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary">
        {t('sync.settings.save')}
      </button>
      <h3>{t('sync.settings.status')}</h3>
      <SyncStatus />
      {state?.bootstrap.done && state.bootstrap.fetched > 0 && (
        <p className="hint">{t('sync.settings.bootstrapped', { devices: state.bootstrap.fetched.toLocaleString(localeOf(i18n.language)) })}</p>
      )}
    </form>
  );
}
