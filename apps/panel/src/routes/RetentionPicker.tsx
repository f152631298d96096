import { DEFAULT_RETENTION_DAYS } from '@cercle/protocol';
import { usePageMessages } from '../i18n/i18n.tsx';

/** Lengths offered, in months and the days the server counts; a year is the default. */
const CHOICES = [
  { months: 3, days: 90 },
  { months: 6, days: 180 },
  { months: 12, days: DEFAULT_RETENTION_DAYS },
  { months: 24, days: 730 },
] as const;

/**
 * How long a new group keeps what is written in it after its last session: chosen when the group
 * is created, a year unless the facilitator says otherwise, changed later on the cycle page.
 */
export function RetentionPicker({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (days: number | null) => void;
}) {
  const pages = usePageMessages();
  const w = pages.start;
  return (
    <label>
      {w.retention}
      <select
        value={value === null ? 'keep' : String(value)}
        onChange={(e) => onChange(e.target.value === 'keep' ? null : Number(e.target.value))}
        aria-describedby="retention-hint"
        data-testid="retention"
      >
        {CHOICES.map(({ months, days }) => (
          <option key={months} value={String(days)}>
            {w.retentionFor(months)}
          </option>
        ))}
        <option value="keep">{w.retentionKeep}</option>
      </select>
      <span id="retention-hint" className="hint">
        {w.retentionHint}
      </span>
    </label>
  );
}
