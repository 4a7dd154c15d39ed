import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ParsedScan } from '../../shared/scan/parse';
import { useServices } from '../app/services';
import { readScan } from '../desk/read-scan';
import { DeviceCard } from './DeviceCard';
import { DeviceHistory } from './DeviceHistory';
import { findDevice, scanIdentifiers } from '../store/lookup';
import { registerHref } from '../register/register-link';

/**
 * Everything about a device and its full history, found by any identifier, scanned or typed. A
 * scan arrives read already (`readScan`, with its symbology); typed text is read the same way.
 * `onOpenBatch` opens the disposal batch a device left in (its manifest).
 */
export function LookupScreen({ initialScan, onOpenBatch }: { initialScan: ParsedScan | null; onOpenBatch?: (batchId: string) => void }) {
  const { t } = useTranslation();
  const { db, settings } = useServices();
  const [text, setText] = useState(initialScan?.value ?? '');
  const [typed, setTyped] = useState(false);

  const search = text.trim();
  const device = useLiveQuery(async () => {
    if (!search) return null;
    const scan = initialScan && !typed ? initialScan : readScan({ raw: search }, settings);
    const ids = scanIdentifiers(scan);
    return (await findDevice(db, ids.length > 0 ? ids : [search.toUpperCase()])) ?? null;
  }, [db, search, typed, initialScan, settings.assetTagPattern]);

  return (
    <div className="lookup">
      <h1>{t('lookup.title')}</h1>
      <label className="field wide">
        {t('lookup.search')}
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setTyped(true);
            setText(e.target.value);
          }}
          data-field="lookup-search"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      {!search && (
        <p className="hint">
          {t('desk.lookupHint')} <a href={registerHref()}>{t('register.openRegister')}</a>
        </p>
      )}
      {search && device === null && (
        <p className="form-error" role="alert">
          {t('feedback.notFound', { value: search })}{' '}
          <a href={registerHref({ text: search })}>{t('register.searchFor', { text: search })}</a>
        </p>
      )}
      {device && (
        <>
          <DeviceCard device={device} />
          <DeviceHistory deviceKey={device.key} onOpenBatch={onOpenBatch} />
        </>
      )}
    </div>
  );
}
