import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { afterWrongPin, isLocked, type PinFailures } from '../../shared/auth/lockout';
import { verifyPin } from '../../shared/auth/pin';
import type { Operator } from '../../shared/domain/reference';
import { useServices } from '../app/services';
import { choosable } from '../../shared/domain/reference-use';
import { playTone } from '../feedback/sounds';

/**
 * Signing in at the desk. Once operators come from the central inventory: scan your badge (or
 * choose your name) and type your PIN, checked here against the synced hash, offline too; five
 * wrong PINs lock that operator for five minutes. A trial desk (no operators synced) asks only a
 * name, and whoever signs in answers for the desk. The desk's id and location are set once in the
 * settings by a team lead, never asked here.
 */
export function SignInScreen({ badgeScan }: { badgeScan: BadgeScan }) {
  const { db } = useServices();
  const operators = useLiveQuery(() => db.operators.orderBy('name').toArray(), [db]);
  if (operators === undefined) return null;
  return operators.length > 0 ? <OperatorSignIn operators={operators} badgeScan={badgeScan} /> : <TrialSignIn />;
}

/** The latest scan at the sign-in screen (any scanner), counted so the same badge twice counts twice. */
export interface BadgeScan {
  text: string;
  n: number;
}

const failuresKey = (operator: string) => `pin-failures:${operator}`;

function OperatorSignIn({ operators, badgeScan }: { operators: Operator[]; badgeScan: BadgeScan }) {
  const { t } = useTranslation();
  const { db, settings, signIn } = useServices();
  const pinField = useRef<HTMLInputElement>(null);
  const locations = useLiveQuery(async () => choosable(await db.locations.orderBy('name').toArray(), settings.location), [db, settings.location]);
  const [who, setWho] = useState('');
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);
  const location = settings.location || locations?.[0]?.id || '';

  const find = (text: string) => operators.find((o) => o.badge === text.trim()) ?? operators.find((o) => o.id === text.trim());

  // A badge scanned anywhere on the screen chooses its operator and hands over to the PIN; a scan
  // that is nobody's badge says so in red, and the PIN waits.
  const [seen, setSeen] = useState(0);
  if (badgeScan.n !== seen) {
    setSeen(badgeScan.n);
    const operator = find(badgeScan.text);
    setWho(operator ? (operator.badge ?? operator.id) : '');
    setScanned(operator ? { tone: 'good', text: t('signIn.badgeRead', { name: operator.name }) } : { tone: 'error', text: t('signIn.unknownBadge') });
    setError(null);
  }
  useEffect(() => {
    if (badgeScan.n === 0 || !scanned) return;
    playTone(scanned.tone, settings.sound);
    if (scanned.tone === 'good') pinField.current?.focus();
  }, [badgeScan.n, scanned, settings.sound]);

  async function submit() {
    const operator = find(who);
    if (!operator) return setError(t('signIn.unknownOperator'));
    if (!location) return setError(t('signIn.locationRequired'));
    const now = Date.now();
    const failures = (await db.settings.get(failuresKey(operator.id)))?.value as PinFailures | undefined;
    if (isLocked(failures, now)) return setError(t('signIn.locked', { minutes: Math.ceil(((failures?.lockedUntil ?? now) - now) / 60_000) }));
    setChecking(true);
    const right = await verifyPin(pin, operator.pinHash);
    setChecking(false);
    setPin('');
    if (!right) {
      const next = afterWrongPin(failures, now);
      await db.settings.put({ key: failuresKey(operator.id), value: next });
      return setError(isLocked(next, now) ? t('signIn.locked', { minutes: 5 }) : t('signIn.wrongPin'));
    }
    await db.settings.delete(failuresKey(operator.id));
    await signIn({ operator: operator.id, role: operator.role, location, since: new Date().toISOString() });
  }

  return (
    <form
      className="sign-in card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.operatorIntro')}</p>
      <label className="field">
        {t('signIn.badgeOrName')}
        <input name="badge" list="operator-names" value={who} onChange={(e) => setWho(e.target.value)} autoFocus autoComplete="off" maxLength={64} />
        <datalist id="operator-names">
          {operators.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </datalist>
      </label>
      <label className="field">
        {t('signIn.pin')}
        <input ref={pinField} name="pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} maxLength={12} />
      </label>
      {scanned && !error && (
        <p className={`feedback ${scanned.tone}`} role="status" data-testid="badge-scan" data-tone={scanned.tone}>
          {scanned.text}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={checking}>
        {checking ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
}

function TrialSignIn() {
  const { t } = useTranslation();
  const { db, settings, updateSettings, signIn } = useServices();
  const locations = useLiveQuery(async () => choosable(await db.locations.orderBy('name').toArray(), settings.location), [db, settings.location]);
  const [operator, setOperator] = useState('');
  const [location, setLocation] = useState(settings.location ?? '');
  const [error, setError] = useState<string | null>(null);
  const chosen = location || locations?.[0]?.id || '';

  return (
    <form
      className="sign-in card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!operator.trim()) return setError(t('signIn.operatorRequired'));
        if (!chosen) return setError(t('signIn.locationRequired'));
        await updateSettings({ ...settings, location: chosen });
        // A trial desk has no operators: whoever signs in answers for it, as a team lead would.
        await signIn({ operator: operator.trim(), role: 'team_lead', location: chosen, since: new Date().toISOString() });
      }}
    >
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <label className="field">
        {t('signIn.operator')}
        <input name="operator" value={operator} onChange={(e) => setOperator(e.target.value)} autoFocus autoComplete="off" maxLength={64} />
      </label>
      <label className="field">
        {t('signIn.location')}
        <select name="location" value={chosen} onChange={(e) => setLocation(e.target.value)}>
          {locations?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {locations?.length === 0 && <p className="hint">{t('signIn.noLocations')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('signIn.submit')}
      </button>
    </form>
  );
}
