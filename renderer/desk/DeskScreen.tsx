import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNewestFeedback } from '../app/use-newest-feedback';
import type { ScanAgain, ScanInput } from '../app/use-scan-input';
import { CameraPanel } from '../app/on-demand';
import { useServices } from '../app/services';
import { BatchList } from './BatchList';
import { WorkflowSettings } from './WorkflowSettings';
import { FeedbackPanel } from './FeedbackPanel';
import { ManualEntry } from './ManualEntry';
import { ModeTabs } from './ModeTabs';
import { batchCount } from './batch';
import { withCommitted, type Desk } from './use-desk';
import { useShownNow, type ShownNowStore } from './shown-now';
import type { Mode } from './modes';
import { DeviceLabelsButton } from '../labels/LabelButtons';
import { BatchReceiptButton } from '../receipts/ReceiptButtons';
import { ScannerLayoutNotice } from '../scanner/ScannerLayoutNotice';
import { AccessoryCountPrompt } from '../accessories/AccessoryCountPrompt';
import { AccessoryShelf, BatchAccessories } from '../accessories/AccessoryPanels';

/**
 * The desk home: pick a workflow (or scan a command card), set the batch once, scan away — with
 * a scanner, or with the camera panel open.
 */
export function DeskScreen({ desk, scanInput }: { desk: Desk; scanInput: ScanInput }) {
  const { t } = useTranslation();
  const { settings, updateSettings } = useServices();
  const cameraOpen = settings.cameraOpen;
  const { handleScan } = desk;
  const typed = useCallback((raw: string) => void handleScan({ raw, source: 'manual', at: Date.now() }), [handleScan]);
  return (
    <div className="desk" data-mode={desk.batch.mode}>
      <ModeTabs mode={desk.batch.mode} onChange={desk.setMode} />
      <div className="desk-grid">
        <section className="desk-left">
          <WorkflowSettings mode={desk.batch.mode} settings={desk.batch.settings} onChange={desk.setSettings} />
          <DeskFeedback shown={desk.shown} scanAgain={scanInput.scanAgain} onSuggestion={desk.setMode} />
          {desk.accessoryPrompt && <AccessoryCountPrompt key={desk.accessoryPrompt.accessory.id + desk.accessoryPrompt.n} prompt={desk.accessoryPrompt} onAnswer={desk.answerAccessoryPrompt} />}
          {scanInput.layoutNotice && <ScannerLayoutNotice notice={scanInput.layoutNotice} onDismiss={scanInput.dismissLayoutNotice} />}
          <div className="desk-actions">
            <ManualEntry onSubmit={typed} />
            <button type="button" onClick={() => void desk.undo()}>
              {t('desk.undo')}
            </button>
            <button type="button" className="primary" onClick={() => void desk.finishBatch()}>
              {t('desk.done')}
            </button>
            <button type="button" className="camera-toggle" aria-pressed={cameraOpen} onClick={() => void updateSettings({ ...settings, cameraOpen: !cameraOpen })}>
              {cameraOpen ? t('camera.close') : t('camera.open')}
            </button>
          </div>
          <p className="hint">{t('desk.scanHint')}</p>
        </section>
        <section className="desk-right" aria-label={t('desk.batch')}>
          {/* Mounted only while open: closing it stops the camera and the decoder worker. */}
          {cameraOpen && <CameraPanel onScan={scanInput.deliver} />}
          <RunningBatch desk={desk} />
          {desk.batch.mode === 'handout' && <BatchAccessories startedAt={desk.batch.startedAt} />}
          <div className="batch-actions">
            <DeviceLabelsButton text="forBatch" deviceKeys={desk.events.filter((e) => e.type !== 'corrected').map((e) => e.deviceKey).reverse()} />
            {(desk.batch.mode === 'handout' || desk.batch.mode === 'return') && (
              <BatchReceiptButton events={desk.events} of={desk.batch.mode === 'handout' ? 'handed_out' : 'returned'} employee={desk.batch.settings[desk.batch.mode].employee} requestNumber={desk.batch.settings[desk.batch.mode].requestNumber} batchStartedAt={desk.batch.startedAt} />
            )}
          </div>
          {(desk.batch.mode === 'handout' || desk.batch.mode === 'receive') && <AccessoryShelf />}
        </section>
      </div>
    </div>
  );
}

/**
 * The last result, or the wedge's "scan again" if that came after it. Its own component, so a
 * scan's result re-renders the panel alone (`shown-now.ts`).
 */
function DeskFeedback({ shown, scanAgain, onSuggestion }: { shown: ShownNowStore; scanAgain: ScanAgain | null; onSuggestion: (mode: Mode) => void }) {
  const feedback = useNewestFeedback(useShownNow(shown).feedback, scanAgain);
  return <FeedbackPanel feedback={feedback} onSuggestion={onSuggestion} />;
}

/** The running list and its count, with the rows committed this moment (`shown-now.ts`). */
function RunningBatch({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const { committed } = useShownNow(desk.shown);
  const { events, batch } = desk;
  const running = useMemo(() => withCommitted(events, committed, batch.startedAt), [events, committed, batch.startedAt]);
  return (
    <>
      <h2>
        {t('desk.batch')} <span className="counter" data-testid="batch-count">{t('desk.batchCount', { count: batchCount(running) })}</span>
      </h2>
      <BatchList events={running} />
    </>
  );
}
