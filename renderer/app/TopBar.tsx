import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from './services';

/** The screens in the navigation, in order; `cards` (the printable command card) opens from settings. */
export const screens = ['desk', 'lookup', 'reference', 'reports', 'settings'] as const;
export type Screen = (typeof screens)[number] | 'cards';

export const TopBar = memo(function TopBar({ screen, onNavigate }: { screen: Screen; onNavigate: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const { db, settings, updateSettings, session, signOut } = useServices();
  const location = useLiveQuery(() => (session ? db.locations.get(session.location) : undefined), [db, session]);
  const nextLanguage = settings.language === 'da' ? 'en' : 'da';

  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {session && (
        <nav aria-label="main">
          {screens.map((s) => (
            <button key={s} type="button" className={s === screen ? 'nav active' : 'nav'} aria-current={s === screen ? 'page' : undefined} onClick={() => onNavigate(s)}>
              {t(`app.nav.${s}`)}
            </button>
          ))}
        </nav>
      )}
      <span className="spacer" />
      {session && (
        <span className="who" data-testid="operator">
          {t('app.operatorAt', { operator: session.operator, location: location?.name ?? session.location })}
        </span>
      )}
      <button type="button" className="lang" lang={nextLanguage} onClick={() => void updateSettings({ ...settings, language: nextLanguage })}>
        {t('app.switchTo')}
      </button>
      {session && (
        <button type="button" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      )}
    </header>
  );
});
