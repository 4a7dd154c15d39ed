import { useTranslation } from 'react-i18next';

/** One of a few values, as chips: `desk.<name>` is its label, `<namespace>.<option>` each option's. */
export function Choice<T extends string>({ name, value, options, namespace, onPick }: {
  name: string;
  value: T | undefined;
  options: readonly T[];
  namespace: string;
  onPick: (value: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice" data-field={name}>
      <legend>{t(`desk.${name}`)}</legend>
      {options.map((option) => (
        <label key={option} className={option === value ? 'chip active' : 'chip'}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onPick(option)} />
          {t(`${namespace}.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** A free-text setting: `desk.<name>` is its label. */
export function TextSetting({ name, value, required = false, onChange }: {
  name: string;
  value: string;
  required?: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      {t(`desk.${name}`)}
      <input value={value} required={required} onChange={(e) => onChange(e.target.value)} data-field={name} autoComplete="off" />
    </label>
  );
}

/** Trimmed text, or nothing: optional event fields are left out rather than sent empty. */
export function optionalText<K extends string>(name: K, value: string): { [P in K]?: string } {
  const trimmed = value.trim();
  return (trimmed ? { [name]: trimmed } : {}) as { [P in K]?: string };
}
