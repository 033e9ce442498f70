/**
 * The benchmark table as printed on the terminal and pasted into
 * docs/performance.md (it is valid Markdown).
 */
import type { Figure, Unit } from './figures.js';

function formatValue(v: number, unit: Unit): string {
  if (unit === 'ratio') return `${v.toFixed(2)}×`;
  if (unit === 'ms') return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  return `${v.toFixed(0)} KiB`;
}

function status(f: Figure): string {
  if (f.met === true) return 'met';
  if (f.met === false) return '**not met**';
  return f.target ? 'n/a' : '';
}

/** One Markdown table of every figure, grouped, with targets and verdicts. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = [
    '| figure | median | min | max | runs | target | status |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  let group = '';
  for (const f of figures) {
    if (f.group !== group) {
      group = f.group;
      rows.push(`| **${group}** | | | | | | |`);
    }
    const label = f.note ? `${f.label} — ${f.note}` : f.label;
    if (!f.value) {
      rows.push(`| ${label} | — | | | | ${f.target?.text ?? ''} | ${status(f)} |`);
      continue;
    }
    const v = f.value;
    const spread = v.runs > 1;
    rows.push(
      `| ${label} | ${formatValue(v.median, f.unit)} | ${spread ? formatValue(v.min, f.unit) : ''} | ${spread ? formatValue(v.max, f.unit) : ''} | ${v.runs} | ${f.target?.text ?? ''} | ${status(f)} |`,
    );
  }
  return rows.join('\n');
}
