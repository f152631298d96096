import { Locale, type Localized } from '@cercle/domain';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { fr, type Messages } from './fr.ts';

// French, the language of most users, ships with the first paint; English is fetched on demand.
const MESSAGES: Partial<Record<Locale, Messages>> = { fr };

/** Makes a language's messages available; resolves at once when they already are. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (MESSAGES[locale]) return;
  if (locale === Locale.en) MESSAGES.en = (await import('./en.ts')).en;
}

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
  const [locale, setLocaleNow] = useState<Locale>(initial);
  const setLocale = useCallback(
    (next: Locale) => void loadMessages(next).then(() => setLocaleNow(next)),
    [],
  );
  const value = useMemo<I18n>(() => {
    const timeFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
    document.documentElement.lang = locale;
    return {
      locale,
      t: MESSAGES[locale] ?? fr,
      setLocale,
      pick: (text) => text[locale],
      formatTime: (epochMs) => timeFormat.format(epochMs),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
