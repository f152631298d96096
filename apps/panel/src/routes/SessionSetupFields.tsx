import { LIMITS } from '@cercle/domain';
import { usePageMessages } from '../i18n/i18n.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

/**
 * What every door asks of someone setting a session up: the group, the format, and (where no host
 * knows it) the facilitator's own name.
 */
export function SessionSetupFields(props: {
  groupName: string;
  onGroupName: (value: string) => void;
  templateKey: string;
  onTemplateKey: (value: string) => void;
  facilitatorName?: string;
  onFacilitatorName?: (value: string) => void;
}) {
  const pages = usePageMessages();
  const { onFacilitatorName } = props;
  return (
    <>
      <label>
        {pages.start.groupName}
        <input
          required
          maxLength={LIMITS.groupNameMaxChars}
          value={props.groupName}
          onChange={(e) => props.onGroupName(e.target.value)}
          data-testid="group-name"
        />
      </label>
      {onFacilitatorName && (
        <label>
          {pages.start.facilitatorName}
          <input
            required
            maxLength={LIMITS.displayNameMaxChars}
            value={props.facilitatorName ?? ''}
            onChange={(e) => onFacilitatorName(e.target.value)}
            data-testid="facilitator-name"
            autoComplete="name"
          />
        </label>
      )}
      <TemplatePicker value={props.templateKey} onChange={props.onTemplateKey} />
    </>
  );
}
