import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerStatus } from '../../shared/ipc/contract';
import { udevRule, udevRuleFile } from '../../shared/scan/udev-rule';
import { useServices } from '../app/services';
import './scanner.css';

/**
 * The raw HID scanners the platform found, each with its state and what is wrong with it, live
 * as scanners are plugged in and out; the Linux udev rule when one may not be opened. The keyboard
 * wedge needs no setup.
 */
export function ScannerList() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [scanners, setScanners] = useState<ScannerStatus[]>([]);
  useEffect(() => {
    let live = true;
    // A change pushed before the first list arrives is newer than it: the list must not overwrite it.
    let changed = false;
    void platform.listScanners().then((list) => {
      if (live && !changed) setScanners(list);
    });
    const off = platform.onScannersChanged((list) => {
      changed = true;
      setScanners(list);
    });
    return () => {
      live = false;
      off();
    };
  }, [platform]);

  const denied = scanners.some((s) => s.problem === 'permission_denied');
  return (
    <div className="scanner-list" data-testid="scanner-list">
      <p>{t('scanners.wedge')}</p>
      {scanners.length === 0 ? (
        <p className="hint">{!platform.capabilities.hidScanners ? t('scanners.webOnly') : t('scanners.noneFound')}</p>
      ) : (
        <>
          <p>{t('scanners.found', { count: scanners.length })}</p>
          <ul>
            {scanners.map((s) => (
              <li key={s.id} data-state={s.state} data-problem={s.problem}>
                <strong>{s.name}</strong> — <span className="scanner-state">{t(`scanners.states.${s.state}`)}</span>
                {s.problem && <span className="sub"> · {t(`scanners.problems.${s.problem}`, { defaultValue: s.problem })}</span>}
                <span className="scanner-detail mono">
                  {s.id}
                  {s.detail && ` — ${s.detail}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {denied && (
        <div className="udev-rule" data-testid="udev-rule">
          <h3>{t('scanners.udevTitle')}</h3>
          <p>{t('scanners.udevIntro', { file: udevRuleFile })}</p>
          <pre className="mono">{udevRule}</pre>
        </div>
      )}
    </div>
  );
}
