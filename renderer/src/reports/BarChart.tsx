import { useTranslation } from 'react-i18next';

interface Bar {
  label: string;
  current: number;
  previous: number;
}

const ROW = 26;
const LABEL_WIDTH = 210;
const BAR_AREA = 380;
const VALUE_WIDTH = 60;

/**
 * Horizontal bars, the period's (solid) above the previous period's (hatched): plain SVG, so
 * it prints as vectors and reads in black and white. The table below holds the same figures.
 */
export function BarChart({ title, bars, legend }: { title: string; bars: Bar[]; legend: [string, string] }) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...bars.flatMap((bar) => [bar.current, bar.previous]));
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = bars.length * ROW + 28;
  const length = (value: number) => Math.max(value > 0 ? 1 : 0, (value / max) * BAR_AREA);
  return (
    <svg className="reports-chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <defs>
        <pattern id="reports-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" className="reports-bar-previous-fill" />
          <line x1="0" y1="0" x2="0" y2="4" className="reports-hatch-line" />
        </pattern>
      </defs>
      {bars.map((bar, index) => {
        const y = index * ROW;
        return (
          <g key={bar.label} className="reports-bar">
            <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="reports-chart-label">
              {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={length(bar.current)} height={10} className="reports-bar-current" />
            <rect x={LABEL_WIDTH} y={y + 13} width={length(bar.previous)} height={8} fill="url(#reports-hatch)" className="reports-bar-previous" />
            <text x={LABEL_WIDTH + length(bar.current) + 4} y={y + 12} className="reports-chart-value">
              {bar.current.toLocaleString(i18n.language)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH}, ${bars.length * ROW + 8})`} className="reports-chart-legend">
        <rect width="12" height="10" className="reports-bar-current" />
        <text x="16" y="9">
          {legend[0]}
        </text>
        <rect x="150" width="12" height="10" fill="url(#reports-hatch)" className="reports-bar-previous" />
        <text x="166" y="9">
          {legend[1]}
        </text>
      </g>
    </svg>
  );
}
