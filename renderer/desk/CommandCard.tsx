import { useTranslation } from 'react-i18next';
import { Barcode } from './Barcode';
import { commandWord, modes } from './modes';

/** Every command a desk card carries: the workflows, then finish and undo. */
export const commandCodes: Array<{ code: string; label: { key: string; params?: Record<string, string> } }> = [
  ...modes.map((mode) => ({ code: `KVIK:MODE:${commandWord(mode)}`, label: { key: `modes.${mode}` } })),
  { code: 'KVIK:DONE', label: { key: 'desk.done' } },
  { code: 'KVIK:UNDO', label: { key: 'desk.undo' } },
];

/** The desk's command card: printed and laid beside the scanner, it drives the desk without a keyboard. */
export function CommandCard() {
  const { t } = useTranslation();
  return (
    <div className="command-card" data-testid="command-card">
      {commandCodes.map(({ code, label }) => (
        <figure key={code}>
          <figcaption>{t(label.key, label.params)}</figcaption>
          <Barcode text={code} />
          <span className="mono sub">{code}</span>
        </figure>
      ))}
    </div>
  );
}
