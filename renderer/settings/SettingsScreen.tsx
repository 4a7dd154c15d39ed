import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { ScannerList } from '../scanner/ScannerList';
import { ScannerLayoutField } from '../scanner/ScannerLayoutField';
import { SyncSettings } from '../sync/SyncSettings';
import { assetTagRegExp, deskSettingsSchema } from '../store/settings';
import { seriesFromDraft, TagSeriesFields } from './TagSeriesFields';
import { choosable } from '../../shared/domain/reference-use';

/** The desk's settings: who it is, where it stands, how it reads asset tags; its scanners; the app. */
export function SettingsScreen({ onOpenCards }: { onOpenCards: () => void }) {
  const { t } = useTranslation();
  const { db, platform, settings, updateSettings } = useServices();
  // The desk's id, location and server are set up once by a team lead; others may only read them.
  const mayEdit = useMay('settings.edit');
  const locations = useLiveQuery(() => db.locations.orderBy('name').toArray(), [db]) ?? [];
  const [draft, setDraft] = useState(settings);
  const [message, setMessage] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform.appInfo().then(setInfo);
  }, [platform]);

  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <form
        className="card"
        onSubmit={async (e) => {
          e.preventDefault();
          if (draft.assetTagPattern.trim() && !assetTagRegExp(draft.assetTagPattern)) {
            setMessage({ tone: 'error', text: t('settings.assetTagInvalid') });
            return;
          }
          if (draft.badgePattern.trim() && !assetTagRegExp(draft.badgePattern)) {
            setMessage({ tone: 'error', text: t('settings.badgeInvalid') });
            return;
          }
          const parsed = deskSettingsSchema.safeParse({ ...draft, assetTagSeries: seriesFromDraft(draft.assetTagSeries) });
          if (!parsed.success) {
            setMessage({ tone: 'error', text: parsed.error.issues.map((i) => i.message).join('; ') });
            return;
          }
          await updateSettings(parsed.data);
          setMessage({ tone: 'good', text: t('settings.saved') });
        }}
      >
        <h2>{t('settings.desk')}</h2>
        <fieldset disabled={!mayEdit} className="plain">
        <label className="field">
          {t('settings.deskId')}
          <input name="deskId" value={draft.deskId} onChange={(e) => setDraft({ ...draft, deskId: e.target.value })} />
        </label>
        <label className="field">
          {t('settings.location')}
          <select name="location" value={draft.location ?? ''} onChange={(e) => setDraft({ ...draft, location: e.target.value })}>
            {choosable(locations, settings.location).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('settings.assetTagPattern')}
          <input name="assetTagPattern" value={draft.assetTagPattern} placeholder="^KK\d{6}$" onChange={(e) => setDraft({ ...draft, assetTagPattern: e.target.value })} />
        </label>
        <TagSeriesFields value={draft.assetTagSeries} onChange={(assetTagSeries) => setDraft({ ...draft, assetTagSeries })} />
        <label className="field">
          {t('settings.badgePattern')}
          <input name="badgePattern" value={draft.badgePattern} placeholder="^KK-\d{7}$" onChange={(e) => setDraft({ ...draft, badgePattern: e.target.value })} />
        </label>
        <label className="field">
          {t('settings.employeeIdleMinutes')}
          <input
            name="employeeIdleMinutes"
            type="number"
            min={1}
            max={240}
            value={draft.employeeIdleMinutes}
            onChange={(e) => setDraft({ ...draft, employeeIdleMinutes: Number(e.target.value) })}
          />
        </label>
        {(['da', 'en'] as const).map((language) => (
          <label key={language} className="field wide">
            {t(`settings.terms.${language}`)}
            <textarea
              name={`terms-${language}`}
              rows={4}
              maxLength={2000}
              value={draft.termsOfUse[language]}
              placeholder={t('receipts.defaultTerms', { lng: language })}
              onChange={(e) => setDraft({ ...draft, termsOfUse: { ...draft.termsOfUse, [language]: e.target.value } })}
            />
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={draft.sound} onChange={(e) => setDraft({ ...draft, sound: e.target.checked })} /> {t('settings.sound')}
        </label>
        </fieldset>
        {!mayEdit && <p className="hint">{t('settings.teamLeadOnly')}</p>}
        {message && (
          <p className={`notice ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {mayEdit && (
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        )}
      </form>
      {mayEdit && <SyncSettings />}
      <section className="card">
        <h2>{t('settings.scanners')}</h2>
        <ScannerList />
        <ScannerLayoutField
          value={settings.scannerLayout}
          onChange={async (scannerLayout) => {
            await updateSettings({ ...settings, scannerLayout });
            // The desk form above saves its whole draft: keep it from putting the old layout back.
            setDraft((d) => ({ ...d, scannerLayout }));
          }}
        />
        <button type="button" onClick={onOpenCards}>
          {t('cards.open')}
        </button>
      </section>
      <section className="card">
        <h2>{t('settings.app')}</h2>
        <p className="mono">{info ? `${info.name} ${info.version} · ${info.platform}` : '…'}</p>
      </section>
    </div>
  );
}
