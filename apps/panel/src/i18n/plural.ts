import type { Locale } from '@cercle/domain';

/** The forms a counted phrase takes; `#` stands for the number, written the locale's way. */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

const rules = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

/**
 * A counted phrase in the language's own plural rules (in French 0 and 1 take the singular, in
 * English only 1 does), rather than a hand-written `n > 1`.
 */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  let number = numbers.get(locale);
  if (!rule || !number) {
    rule = new Intl.PluralRules(locale);
    number = new Intl.NumberFormat(locale);
    rules.set(locale, rule);
    numbers.set(locale, number);
  }
  const form = rule.select(count) === 'one' ? forms.one : forms.other;
  return form.replace('#', number.format(count));
}
