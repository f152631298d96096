import type { Locale } from './localized.ts';

const INTL_LOCALE: Readonly<Record<Locale, string>> = { fr: 'fr-FR', en: 'en-GB' };
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as people read it, in the locale's long form ("15 janvier 2026", "15 January 2026"),
 * never ISO. A calendar date (YYYY-MM-DD) is the same day wherever it is read; an instant is read
 * in `timeZone` (the reader's own when omitted). Anything else is returned as it came.
 */
export function formatLongDate(date: string | number, locale: Locale, timeZone?: string): string {
  if (typeof date === 'string') {
    const parts = CALENDAR_DATE.exec(date);
    if (!parts) return date;
    const at = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    return longFormat(locale, 'UTC').format(at);
  }
  return longFormat(locale, timeZone).format(date);
}

function longFormat(locale: Locale, timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  });
}
