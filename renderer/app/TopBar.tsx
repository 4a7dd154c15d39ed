import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenConflictCount } from '../sync/use-conflicts';
import { useServices } from './services';

/**
 * The screens in the navigation, in order; `cards` (the printable command card) opens from
 * settings, `labels` and `receipt` from wherever they are asked for.
 */
export const screens = ['desk', 'lookup', 'register', 'warehouse', 'reports', 'reference', 'conflicts', 'settings'] as const;
export type Screen = (typeof screens)[number] | 'cards' | 'labels' | 'receipt' | 'transfer';

export const TopBar = memo(function TopBar({ screen, onNavigate }: { screen: Screen; onNavigate: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const { db, settings, updateSettings, session, signOut } = useServices();
  const nextLanguage = settings.language === 'da' ? 'en' : 'da';
  const openConflicts = useOpenConflictCount(db);

  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {session && (
        <nav aria-label="main">
          {screens.map((s) => (
            <button key={s} type="button" className={s === screen ? 'nav active' : 'nav'} aria-current={s === screen ? 'page' : undefined} onClick={() => onNavigate(s)}>
              {t(`app.nav.${s}`)}
              {s === 'conflicts' && openConflicts > 0 && (
                <span className="count" data-testid="open-conflict-count">
                  {openConflicts}
                </span>
              )}
            </button>
          ))}
        </nav>
      )}
      <span className="spacer" />
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
