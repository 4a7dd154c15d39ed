import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';

/** The operator signs in at the desk: their name or initials go on every event they record. */
export function SignInScreen() {
  const { t } = useTranslation();
  const { db, settings, updateSettings, signIn } = useServices();
  const locations = useLiveQuery(() => db.locations.orderBy('name').toArray(), [db]);
  const [operator, setOperator] = useState('');
  const [location, setLocation] = useState(settings.location ?? '');
  const [deskId, setDeskId] = useState(settings.deskId);
  const [error, setError] = useState<string | null>(null);
  const chosen = location || locations?.[0]?.id || '';

  return (
    <form
      className="sign-in card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!operator.trim()) return setError(t('signIn.operatorRequired'));
        if (!chosen) return setError(t('signIn.locationRequired'));
        await updateSettings({ ...settings, deskId: deskId.trim() || settings.deskId, location: chosen });
        await signIn({ operator: operator.trim(), location: chosen, since: new Date().toISOString() });
      }}
    >
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <label className="field">
        {t('signIn.operator')}
        <input name="operator" value={operator} onChange={(e) => setOperator(e.target.value)} autoFocus autoComplete="off" maxLength={64} />
      </label>
      <label className="field">
        {t('signIn.location')}
        <select name="location" value={chosen} onChange={(e) => setLocation(e.target.value)}>
          {locations?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {locations?.length === 0 && <p className="hint">{t('signIn.noLocations')}</p>}
      <label className="field">
        {t('signIn.deskId')}
        <input name="deskId" value={deskId} onChange={(e) => setDeskId(e.target.value)} autoComplete="off" maxLength={64} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('signIn.submit')}
      </button>
    </form>
  );
}
