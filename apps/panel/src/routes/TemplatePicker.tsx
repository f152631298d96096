import { MINUTE_MS, TEMPLATES, totalPlannedMs } from '@cercle/domain';
import { useI18n, usePageMessages } from '../i18n/i18n.tsx';

export function TemplatePicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (key: string) => void;
}) {
  const { pick } = useI18n();
  const pages = usePageMessages();
  return (
    <fieldset className="templates">
      <legend>{pages.start.template}</legend>
      {TEMPLATES.map((template) => (
        <label key={template.key} className="template-option">
          <input
            type="radio"
            name="template"
            value={template.key}
            checked={value === template.key}
            onChange={() => onChange(template.key)}
          />
          <span>
            <strong>{pick(template.name)}</strong> –{' '}
            {pages.start.total(Math.round(totalPlannedMs(template.stages) / MINUTE_MS))}
            <span className="template-option__stages">
              {template.stages.map((s) => pick(s.title)).join(' → ')}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
