import { type ActionPlan, formatLongDate, type SessionView } from '@cercle/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameOf } from './contentProps.ts';

/** One labelled part of a text, as its readers see it; nothing where it was left empty. */
export function Part({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  if (children === '' || children === null) return null;
  return (
    <p>
      <strong>{label}</strong>
      {t.colon} {children}
    </p>
  );
}

/** An action plan as its readers see it: the actions, then its first step and date if any. */
export function PlanReadout({
  plan,
  labels,
  testId,
}: {
  plan: ActionPlan;
  labels: { readonly firstStep: string; readonly byWhen: string };
  testId?: string;
}) {
  const { locale } = useI18n();
  return (
    <>
      <ul data-testid={testId}>
        {plan.actions.map((action) => (
          <li key={action}>{action}</li>
        ))}
      </ul>
      <Part label={labels.firstStep}>{plan.firstStep}</Part>
      <Part label={labels.byWhen}>{plan.byWhen && formatLongDate(plan.byWhen, locale)}</Part>
    </>
  );
}

/** What the others wrote and let this person read, each under its author's name. */
export function ByAuthor<T extends { readonly authorId: string }>({
  view,
  texts,
  testId,
  line,
}: {
  view: SessionView;
  texts: readonly T[];
  testId?: string;
  line: (text: T) => ReactNode;
}) {
  return (
    <ul data-testid={testId}>
      {texts.map((text) => (
        <li key={text.authorId}>
          <Part label={nameOf(view, text.authorId)}>{line(text)}</Part>
        </li>
      ))}
    </ul>
  );
}
