import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

/** i18next with Danish by default and English one switch away; the choice is kept per desk. */
export async function initI18n(language: Language = 'da'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: language,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** The BCP 47 locale for dates and numbers in the operator's language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'da-DK';
}
