import { currentStage, type Role, type SessionView } from '@cercle/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseHeader } from './CaseHeader.tsx';

export function StageCard({
  view,
  myRole,
  children,
}: {
  view: SessionView;
  myRole: Role;
  children?: ReactNode;
}) {
  const { t, pick } = useI18n();
  const stage = currentStage(view);
  return (
    <section className="card stage-card" aria-labelledby="stage-title">
      <p className="stage-card__position" data-testid="stage-position">
        {t.stageOf(view.currentStageIndex + 1, view.stages.length)} – {t.lifecycle[view.lifecycle]}
      </p>
      <h2 id="stage-title" className="stage-card__title" data-testid="stage-title">
        {pick(stage.title)}
      </h2>
      <CaseHeader view={view} />
      <p className="stage-card__floor" data-testid="stage-floor">
        {t.floor[stage.floor]}
      </p>
      <p className={`guidance guidance--${myRole}`} data-testid="guidance">
        <strong>
          {t.roles[myRole]}
          {t.colon}
        </strong>{' '}
        {pick(stage.guidance[myRole])}
      </p>
      {children}
    </section>
  );
}
