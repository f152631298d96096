import { Locale, type Localized } from '@cercle/domain';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';

const MESSAGES: Record<Locale, Messages> = { fr, en };

/** French unless the URL or the browser asks for English. */
export function detectLocale(search: string, languages: readonly string[]): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'fr') return asked;
  const first = languages[0]?.toLowerCase() ?? 'fr';
  return first.startsWith('en') ? Locale.en : Locale.fr;
}

interface I18n {
  readonly locale: Locale;
  readonly t: Messages;
  readonly setLocale: (locale: Locale) => void;
  /** Picks a domain text in the current language. */
  readonly pick: (text: Localized) => string;
  /** A clock time such as 11:45, in the current language's format. */
  readonly formatTime: (epochMs: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initial);
  const value = useMemo<I18n>(() => {
    const timeFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
    document.documentElement.lang = locale;
    return {
      locale,
      t: MESSAGES[locale],
      setLocale,
      pick: (text) => text[locale],
      formatTime: (epochMs) => timeFormat.format(epochMs),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
