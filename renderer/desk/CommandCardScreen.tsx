import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { CommandCard } from './CommandCard';

export function CommandCardScreen() {
  const { t } = useTranslation();
  const { platform } = useServices();
  return (
    <div className="cards">
      <div className="no-print toolbar">
        <h1>{t('cards.title')}</h1>
        <button type="button" className="primary" onClick={() => void platform.print()}>
          {t('cards.print')}
        </button>
      </div>
      <p className="hint no-print">{t('cards.intro')}</p>
      <CommandCard />
    </div>
  );
}
