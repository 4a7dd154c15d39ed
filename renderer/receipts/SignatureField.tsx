import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

/**
 * A field the employee signs in with mouse, pen or finger (signature_pad, pointer events). Strokes
 * have one width: the pad's speed-dependent width would put the writing's speed into the image.
 */
export function SignatureField({ onPad }: { onPad: (pad: { canvas: HTMLCanvasElement; isEmpty: () => boolean } | null) => void }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { minWidth: 2, maxWidth: 2, penColor: '#000', backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    onPad({ canvas, isEmpty: () => pad.isEmpty() });
    return () => {
      pad.off();
      padRef.current = null;
      onPad(null);
    };
  }, [onPad]);
  return (
    <div className="signature-field">
      <canvas ref={canvasRef} width={480} height={160} data-testid="signature-pad" aria-label={t('receipts.signHere')} />
      <div className="signature-line">{t('receipts.signHere')}</div>
      <button type="button" className="no-print" onClick={() => padRef.current?.clear()}>
        {t('receipts.clearSignature')}
      </button>
    </div>
  );
}
