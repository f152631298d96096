import {
  CATALOGUE_STAGE_KEYS,
  currentConsultation,
  currentStage,
  isCatalogueStageKey,
  type SessionView,
} from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';

const CATALOGUE_ORDER = CATALOGUE_STAGE_KEYS;
const FIRST = CATALOGUE_ORDER.indexOf('expose');
const LAST = CATALOGUE_ORDER.indexOf('synthesis');

/** From the exposé to the synthesis everyone works on one case: it stays in sight all along. */
export function isCaseStage(stageKey: string): boolean {
  if (!isCatalogueStageKey(stageKey)) return false;
  const at = CATALOGUE_ORDER.indexOf(stageKey);
  return at >= FIRST && at <= LAST;
}

/** The case being consulted on (which P, its title, its client), where the stage is about it. */
export function CaseHeader({ view }: { view: SessionView }) {
  const { t } = useI18n();
  const consultation = currentConsultation(view);
  if (!consultation || !isCaseStage(currentStage(view).key)) return null;
  const chosen = view.cases.find((c) => c.id === consultation.caseId);
  if (!chosen) return null;
  const client = view.people.find((p) => p.id === consultation.clientId)?.displayName;
  return (
    <p className="case-header" data-testid="case-header">
      <span className="visually-hidden">
        {t.caseHeader.label}
        {t.colon}{' '}
      </span>
      <span className="case-header__kind">{t.caseHeader.kinds[chosen.kind]}</span>{' '}
      <strong className="case-header__title">{chosen.title}</strong>
      {client && (
        <>
          {' '}
          <span className="case-header__client">{t.caseHeader.client(client)}</span>
        </>
      )}
    </p>
  );
}
