/**
 * i18next set-up. Vietnamese is the default (DESIGN.md: the interface is Vietnamese first), English is the switch.
 * The choice is remembered in localStorage and mirrored on <html lang> so that screen readers pronounce the page
 * in the right language (WCAG 3.1.1).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import planEn from './plan.en.json';
import planVi from './plan.vi.json';
import presenceEn from './presence.en.json';
import presenceVi from './presence.vi.json';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'da06.lang';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    // Private windows and locked-down kiosks may refuse storage: Vietnamese then.
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi, plan: planVi, presence: presenceVi }, en: { translation: en, plan: planEn, presence: presenceEn } },
  // Feature namespaces also hold their menu labels (nav.*, home.describe.*), found from the shell's t() this way.
  fallbackNS: ['plan', 'presence'],
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
