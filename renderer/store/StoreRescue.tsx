import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storageFailure } from '../sync/sync-error';
import { deleteStore, exportWhatCanBeRead, unsyncedIn } from './rescue';

type Step = { kind: 'idle' } | { kind: 'working' } | { kind: 'exported'; rows: number; unsynced: number; failed: string[] } | { kind: 'failed'; message: string };

/**
 * Shown instead of the app when the desk's store cannot be opened: what happened in the operator's
 * language, and the way out — save what can still be read, then start again with an empty store
 * (everything synced comes back from the central inventory; the saved file keeps the rest).
 */
export function StoreRescue({ error, database }: { error: unknown; database: string }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [exported, setExported] = useState(false);
  const full = storageFailure(error) === 'full';

  async function saveCopy() {
    setStep({ kind: 'working' });
    const copy = await exportWhatCanBeRead(database, new Date());
    const blob = new Blob([JSON.stringify(copy, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `kvikdesk-${copy.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    const rows = Object.values(copy.stores).reduce((sum, list) => sum + list.length, 0);
    setStep({ kind: 'exported', rows, unsynced: unsyncedIn(copy), failed: Object.keys(copy.failed) });
    setExported(true);
  }

  async function startAgain() {
    if (!window.confirm(t(exported ? 'rescue.confirmStartAgain' : 'rescue.confirmWithoutCopy'))) return;
    setStep({ kind: 'working' });
    try {
      await deleteStore(database);
      window.location.reload();
    } catch (caught) {
      setStep({ kind: 'failed', message: caught instanceof Error ? caught.message : String(caught) });
    }
  }

  return (
    <main className="store-rescue" data-testid="store-rescue">
      <h1>{t('rescue.title')}</h1>
      <p>{full ? t('rescue.full') : t('rescue.intro')}</p>
      <p className="hint mono" data-testid="store-rescue-error">
        {error instanceof Error ? `${error.name}: ${error.message}` : String(error)}
      </p>
      <ol>
        <li>{t('rescue.stepCopy')}</li>
        <li>{t('rescue.stepStartAgain')}</li>
      </ol>
      <div className="actions">
        <button type="button" onClick={() => void saveCopy()} disabled={step.kind === 'working'}>
          {t('rescue.saveCopy')}
        </button>
        <button type="button" className="danger" onClick={() => void startAgain()} disabled={step.kind === 'working'}>
          {t('rescue.startAgain')}
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          {t('rescue.tryAgain')}
        </button>
        <button type="button" onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'da' : 'en')}>
          {t('app.switchTo')}
        </button>
      </div>
      {step.kind === 'exported' && (
        <p className="notice good" role="status">
          {t('rescue.saved', { rows: step.rows, unsynced: step.unsynced })}
          {step.failed.length > 0 && ` ${t('rescue.partly', { stores: step.failed.join(', ') })}`}
        </p>
      )}
      {step.kind === 'failed' && (
        <p className="notice error" role="alert">
          {t('rescue.deleteFailed', { message: step.message })}
        </p>
      )}
    </main>
  );
}
