import { namesOf } from './namesOf.ts';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const Locale = namesOf(LOCALES);

/** A text shown to people, in every language the panel speaks. */
export type Localized = Readonly<Record<Locale, string>>;

export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}
