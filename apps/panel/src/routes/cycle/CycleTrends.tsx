import type { CycleResponse } from '@cercle/protocol';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';

interface Bar {
  readonly label: string;
  /** Null when there is nothing to show for that session. */
  readonly value: number | null;
  readonly text: string;
}

const BAR_WIDTH = 18;
const GAP = 8;
const HEIGHT = 48;

/**
 * A small bar chart a facilitator reads at a glance. The drawing is decoration; the same figures
 * are in a list read by screen readers (and shown under the bars as labels).
 */
function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max: number }) {
  const width = bars.length * (BAR_WIDTH + GAP);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        className="chart__bars"
        viewBox={`0 0 ${Math.max(width, 1)} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((bar, i) => {
          const h = bar.value === null ? 2 : Math.max(2, (bar.value / max) * HEIGHT);
          return (
            <rect
              key={bar.label}
              className={bar.value === null ? 'chart__bar chart__bar--none' : 'chart__bar'}
              x={i * (BAR_WIDTH + GAP)}
              y={HEIGHT - h}
              width={BAR_WIDTH}
              height={h}
              rx={2}
            />
          );
        })}
      </svg>
      <ol className="chart__legend">
        {bars.map((bar) => (
          <li key={bar.label} style={{ width: BAR_WIDTH + GAP }}>
            <span className="chart__label">{bar.label}</span>
            <span className="chart__value">{bar.text}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** Attendance and the published average rating, session by session [R50] [R48]. */
export function CycleTrends({ sessions }: { sessions: CycleResponse['sessions'] }) {
  const w = usePageMessages().cycle;
  const { locale } = useI18n();
  if (sessions.length === 0) return null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // A session not begun yet has no attendance to show.
  const attendance = sessions.map((s, i) => {
    const held = s.lifecycle !== 'scheduled';
    return {
      label: w.sessionShort(i + 1),
      value: held ? s.attendees.length : null,
      text: held ? String(s.attendees.length) : '–',
    };
  });
  const ratings = sessions.map((s, i) => ({
    label: w.sessionShort(i + 1),
    value: s.averageRating,
    text: s.averageRating === null ? '–' : number.format(s.averageRating),
  }));
  return (
    <section className="card" aria-labelledby="trends-title" data-testid="cycle-trends">
      <h2 id="trends-title" className="card__title">
        {w.trends}
      </h2>
      <div className="chart__pair">
        <BarChart
          title={w.attendanceChart}
          bars={attendance}
          max={Math.max(1, ...attendance.map((b) => b.value ?? 0))}
        />
        <BarChart title={w.ratingChart} bars={ratings} max={5} />
      </div>
      {[...ratings, ...attendance].some((b) => b.value === null) && (
        <p className="muted">{w.noFigure}</p>
      )}
    </section>
  );
}
