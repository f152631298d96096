import { currentStage, type SessionView } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { TimerDisplay } from './TimerDisplay.tsx';

/** The current stage for a shared screen: large, read from afar, no controls. */
export function StageView({ view, serverNow }: { view: SessionView; serverNow: () => number }) {
  const { t, pick } = useI18n();
  const stage = currentStage(view);
  return (
    <div className="stage-view" data-testid="stage-view">
      <p className="stage-view__group">{view.groupName}</p>
      <p className="stage-view__position" data-testid="stage-position">
        {t.stageOf(view.currentStageIndex + 1, view.stages.length)}
      </p>
      <h1 className="stage-view__title" data-testid="stage-title">
        {pick(stage.title)}
      </h1>
      <CaseHeader view={view} />
      <p className="stage-view__floor">{t.floor[stage.floor]}</p>
      <div className="stage-view__timer">
        <TimerDisplay timer={view.timer} serverNow={serverNow} />
      </div>
      <div className="stage-view__guidance">
        {(['client', 'consultant'] as const).map((role) => (
          <p key={role} className={`guidance guidance--${role}`}>
            <strong>
              {t.roles[role]}
              {t.colon}
            </strong>{' '}
            {pick(stage.guidance[role])}
          </p>
        ))}
      </div>
    </div>
  );
}
