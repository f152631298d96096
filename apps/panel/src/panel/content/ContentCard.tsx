import type { ReactNode } from 'react';

interface Props {
  /** Names the card's title (`${name}-title`) and, unless `testId` says otherwise, the card. */
  readonly name: string;
  readonly testId?: string;
  /** A modifier of the card's look, besides `card content`. */
  readonly className?: string;
  readonly title: ReactNode;
  readonly children?: ReactNode;
}

/** One card of a stage's content: a section a screen reader finds by its title. */
export function ContentCard({ name, testId, className, title, children }: Props) {
  return (
    <section
      className={className ? `card content ${className}` : 'card content'}
      aria-labelledby={`${name}-title`}
      data-testid={testId ?? name}
    >
      <h2 id={`${name}-title`} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
