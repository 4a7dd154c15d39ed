import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerStatus } from '../../shared/ipc/contract';
import { useServices } from '../app/services';

/** The raw HID scanners the platform found and their state; the keyboard wedge needs no setup. */
export function ScannerList() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [scanners, setScanners] = useState<ScannerStatus[]>([]);
  useEffect(() => {
    void platform.listScanners().then(setScanners);
    return platform.onScannersChanged(setScanners);
  }, [platform]);

  return (
    <div className="scanner-list">
      <p>{t('scanners.wedge')}</p>
      {scanners.length === 0 ? (
        <p className="hint">{platform.kind === 'electron' ? t('scanners.noneFound') : t('scanners.webOnly')}</p>
      ) : (
        <ul>
          {scanners.map((s) => (
            <li key={s.id} data-state={s.state}>
              <strong>{s.name}</strong> — {t(`scanners.states.${s.state}`)}
              {s.problem && <span className="sub"> · {t(`scanners.problems.${s.problem}`, { defaultValue: s.problem })}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
