import { type Contract, currentConsultation, HELP_KINDS } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { Part } from './readouts.tsx';
import { offer, shortTextField, someOfField } from './textFields.tsx';

const CONTRACT: TextCard<Pick<Contract, 'request' | 'helpKinds'>> = {
  name: 'contract',
  className: 'contract',
  command: (draft) => ({ type: 'writeContract', ...draft }),
  blank: { request: '', helpKinds: [] },
};

/** The client's request and the kinds of help wanted; consultants keep it in sight. */
export function ContractCard(props: ContentProps) {
  const w = usePageMessages().content.contract;
  const consultation = currentConsultation(props.view);
  if (!consultation) return null;
  const contract = consultation.contract;
  return (
    <AuthoredTextCard
      {...props}
      card={CONTRACT}
      fields={{
        request: shortTextField(w.request, 'contract-request', 'paragraph'),
        helpKinds: someOfField(offer(w.help, 'help', HELP_KINDS, (k) => w.kinds[k])),
      }}
      title={w.title}
      text={contract}
      about={consultation.id}
      readOnly={
        contract ? (
          <>
            <blockquote data-testid="contract-text">{contract.request}</blockquote>
            <Part label={w.help}>{contract.helpKinds.map((k) => w.kinds[k]).join(', ')}</Part>
          </>
        ) : (
          <p>{w.none}</p>
        )
      }
    />
  );
}
