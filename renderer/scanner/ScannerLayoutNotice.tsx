import { useTranslation } from 'react-i18next';
import type { LayoutNotice } from './layout-notice';
import './scanner.css';

/** A calm note beside the scan result: the scan worked, the scanner's layout setting is off. */
export function ScannerLayoutNotice({ notice, onDismiss }: { notice: LayoutNotice; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="layout-notice" role="status" data-testid="layout-notice">
      <span className="layout-notice-icon" aria-hidden>
        ⌨
      </span>
      <p>{t('scanners.layoutNotice', { read: notice.read, typed: notice.typed })}</p>
      <button type="button" onClick={onDismiss}>
        {t('scanners.dismiss')}
      </button>
    </div>
  );
}
