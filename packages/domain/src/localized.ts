export const Locale = { fr: 'fr', en: 'en' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/** A text shown to people, in every language the panel speaks. */
export type Localized = Readonly<Record<Locale, string>>;

export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}
