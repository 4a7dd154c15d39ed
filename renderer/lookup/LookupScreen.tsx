import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { parseScan } from '../../shared/scan/parse';
import { useServices } from '../app/services';
import { DeviceCard } from './DeviceCard';
import { DeviceHistory } from './DeviceHistory';
import { assetTagRegExp } from '../store/settings';
import { findDevice, scanIdentifiers } from '../store/lookup';
import { registerHref } from '../register/register-link';

/** Everything about a device and its full history, found by any identifier, scanned or typed. */
export function LookupScreen({ initialQuery }: { initialQuery: string }) {
  const { t } = useTranslation();
  const { db, settings } = useServices();
  const [text, setText] = useState(initialQuery);

  const search = text.trim();
  const device = useLiveQuery(async () => {
    if (!search) return null;
    const scan = parseScan(search, { assetTagPattern: assetTagRegExp(settings.assetTagPattern) });
    const ids = scanIdentifiers(scan);
    return (await findDevice(db, ids.length > 0 ? ids : [search.toUpperCase()])) ?? null;
  }, [db, search, settings.assetTagPattern]);

  return (
    <div className="lookup">
      <h1>{t('lookup.title')}</h1>
      <label className="field wide">
        {t('lookup.search')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-field="lookup-search" autoComplete="off" spellCheck={false} />
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
          <DeviceHistory deviceKey={device.key} />
        </>
      )}
    </div>
  );
}
