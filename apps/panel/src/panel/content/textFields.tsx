import { LIMITS } from '@cercle/domain';
import type { ChangeEvent, ReactNode } from 'react';

/**
 * How one part of a text is edited: drawn from its value, reporting the next one. Values have the
 * domain's shapes (a plan's actions are a list, a date may be none), so a draft is the part of the
 * text its command carries.
 */
export interface TextField<V> {
  render(value: V, change: (value: V) => void): ReactNode;
}

/** One field per part of a text `D`: the compiler refuses a part without its field. */
export type TextFields<D> = { readonly [K in keyof D]: TextField<D[K]> };

interface Typed {
  readonly shape: 'paragraph' | 'line' | 'date';
  readonly maxLength?: number;
  readonly rows?: number;
  readonly required?: boolean;
}

/** Words typed by the author: a paragraph, a line or a date. */
function typedField(label: string, testId: string, spec: Typed): TextField<string> {
  return {
    render: (value, change) => {
      const common = {
        'data-testid': testId,
        value,
        maxLength: spec.maxLength,
        required: spec.required,
        onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
          change(e.target.value),
      };
      return spec.shape === 'paragraph' ? (
        <label>
          {label}
          <textarea {...common} rows={spec.rows} />
        </label>
      ) : (
        <label>
          {label}
          <input {...common} type={spec.shape === 'date' ? 'date' : undefined} />
        </label>
      );
    },
  };
}

/** A typed field for a part whose value is not the text typed: shown as typed, read back. */
function convertedField<V>(
  field: TextField<string>,
  typed: (value: V) => string,
  parsed: (typed: string) => V,
): TextField<V> {
  return { render: (value, change) => field.render(typed(value), (text) => change(parsed(text))) };
}

// Each typed part stops where the domain would refuse it (`LIMITS`), as the server does.

/** A page at most: a debrief's answers, learnings. */
export const longTextField = (label: string, testId: string) =>
  typedField(label, testId, { shape: 'paragraph', maxLength: LIMITS.longTextMaxChars });

/** A few lines: a contract's request, a comment, a plan's first step, a question. */
export const shortTextField = (
  label: string,
  testId: string,
  shape: 'paragraph' | 'line',
  rows?: number,
) => typedField(label, testId, { shape, maxLength: LIMITS.shortTextMaxChars, rows });

/** A name for something, on one line, never blank: a case's title. */
export const titleField = (label: string, testId: string) =>
  typedField(label, testId, { shape: 'line', maxLength: LIMITS.caseTitleMaxChars, required: true });

/** Notes taken while listening: longer than a comment, shorter than a page. */
export const noteField = (label: string, testId: string) =>
  typedField(label, testId, { shape: 'paragraph', maxLength: LIMITS.noteMaxChars, rows: 6 });

/** Short texts, one a line: a plan's actions (the domain drops the empty ones and counts them). */
export const linesField = (label: string, testId: string): TextField<readonly string[]> =>
  convertedField(
    typedField(label, testId, { shape: 'paragraph', rows: 4 }),
    (lines) => lines.join('\n'),
    (typed) => typed.split('\n'),
  );

/** A calendar date, or none. */
export const dateField = (label: string, testId: string): TextField<string | null> =>
  convertedField(
    typedField(label, testId, { shape: 'date' }),
    (date) => date ?? '',
    (typed) => typed || null,
  );

/** The options a part is chosen among. */
interface Offer<V extends string | number> {
  readonly legend: string;
  /** Names the radio group and, with each option, its test id (`${name}-${option}`). */
  readonly name: string;
  readonly options: readonly V[];
  readonly labelOf: (option: V) => ReactNode;
}

export const offer = <V extends string | number>(
  legend: string,
  name: string,
  options: readonly V[],
  labelOf: (option: V) => ReactNode,
): Offer<V> => ({ legend, name, options, labelOf });

function choiceList<V extends string | number>(
  { legend, name, options, labelOf }: Offer<V>,
  type: 'radio' | 'checkbox',
  isChecked: (option: V) => boolean,
  toggle: (option: V, isOn: boolean) => void,
): ReactNode {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type={type}
            name={type === 'radio' ? name : undefined}
            data-testid={`${name}-${option}`}
            checked={isChecked(option)}
            onChange={(e) => toggle(option, e.target.checked)}
          />{' '}
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}

/** One option of the offer (a weather, a rating, a mark). */
export const oneOfField = <V extends string | number>(choices: Offer<V>): TextField<V> => ({
  render: (value, change) => choiceList(choices, 'radio', (o) => o === value, change),
});

/** Any number of options, kept in the order they are offered (the kinds of help wanted). */
export const someOfField = <V extends string>(choices: Offer<V>): TextField<readonly V[]> => ({
  render: (value, change) =>
    choiceList(
      choices,
      'checkbox',
      (o) => value.includes(o),
      (option, isOn) =>
        change(choices.options.filter((o) => (o === option ? isOn : value.includes(o)))),
    ),
});
