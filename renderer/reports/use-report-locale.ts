import { useTranslation } from 'react-i18next';
import type { CellFormat } from '../../shared/reports/format';
import { localeOf } from '../i18n';

/** The operator's language for the reports' labels and their locale for dates and numbers. */
export function useReportLocale(): CellFormat {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  return { language, locale: localeOf(language) };
}
