import { Locale, type Localized } from '@cercle/domain';
import {
  createContext,
  type ReactNode,
  use,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
import { fr, type Messages } from './fr.ts';
import type { PageMessages } from './frPages.ts';

// French, the language of most users, ships with the first paint; English is fetched on demand.
const MESSAGES: Partial<Record<Locale, Messages>> = { fr };

/** Makes a language's messages available; resolves at once when they already are. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (MESSAGES[locale]) return;
  if (locale === Locale.en) MESSAGES.en = (await import('./en.ts')).en;
}

// A promise React's `use` can read at once, once settled, without suspending again.
type TrackedPromise<T> = Promise<T> & { status?: 'fulfilled'; value?: T };
const PAGE_MESSAGES = new Map<Locale, TrackedPromise<PageMessages>>();
let activeLocale: Locale = Locale.fr;

/** The messages of pages that load apart, fetched once per language. */
export function loadPageMessages(locale: Locale = activeLocale): Promise<PageMessages> {
  const known = PAGE_MESSAGES.get(locale);
  if (known) return known;
  const loading: TrackedPromise<PageMessages> =
    locale === Locale.en
      ? import('./enPages.ts').then((module) => module.enPages)
      : import('./frPages.ts').then((module) => module.frPages);
  void loading.then((value) => Object.assign(loading, { status: 'fulfilled', value }));
  PAGE_MESSAGES.set(locale, loading);
  return loading;
}

/**
 * Loads a lazy page and, alongside rather than after it, the messages it will ask for: one round
 * trip, not two.
 */
export function withPageMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadPageMessages()]).then(([module]) => module);
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
  // Both halves before switching: the cards on screen then change language without a blink.
  const setLocale = useCallback(
    (next: Locale) =>
      void Promise.all([loadMessages(next), loadPageMessages(next)]).then(() => setLocaleNow(next)),
    [],
  );
  const value = useMemo<I18n>(() => {
    // Built on first use: a formatter loads the locale's data, which costs the first paint
    // (a quarter of a second on a slow device) for a clock most panels show only later.
    let timeFormat: Intl.DateTimeFormat | undefined;
    const formatTime = (epochMs: number) => {
      timeFormat ??= new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      });
      return timeFormat.format(epochMs);
    };
    document.documentElement.lang = locale;
    activeLocale = locale;
    return {
      locale,
      t: MESSAGES[locale] ?? fr,
      setLocale,
      pick: (text) => text[locale],
      formatTime,
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** The messages of the pages that load apart; suspends the first time, inside their Suspense. */
export function usePageMessages(): PageMessages {
  return use(loadPageMessages(useI18n().locale));
}
