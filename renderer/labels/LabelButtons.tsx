import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { deviceLabels } from './device-labels';
import { usePrintLabels } from './print-labels';

/** Opens the label screen with these devices' labels, in this order. */
export function DeviceLabelsButton({ deviceKeys, text }: { deviceKeys: readonly string[]; text: 'forBatch' | 'forDevice' }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const printLabels = usePrintLabels();
  return (
    <button type="button" disabled={deviceKeys.length === 0} onClick={() => void deviceLabels(db, deviceKeys, t('labels.owner')).then(printLabels)}>
      {t(`labels.${text}`)}
    </button>
  );
}
