/** Dates and numbers in the operator's locale, in the municipality's time zone. */
export const TIME_ZONE = 'Europe/Copenhagen';

// Building an Intl formatter costs far more than using one, and lists format hundreds of rows.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, locale: string): string {
  return formatter(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return formatter(locale, { timeStyle: 'medium' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string): string {
  return formatter(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
