// Keep × Follow × Convert per group, with each row's weakest stage measured against the median row.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, table, select, chart, esc, states, median } from '../ui.js';

const GROUPS = ['dealer', 'region', 'channel', 'model', 'industry', 'consultant'];
const STAGES = ['keepRate', 'followRate', 'convertRate'];

/** The stage whose rate falls furthest below its median, as a share of that median; null if none is below. */
export function weakestStage(row, medians) {
  let weakest = null;
  for (const stage of STAGES) {
    if (row[stage] === null || !medians[stage]) continue;
    const gap = (row[stage] - medians[stage]) / medians[stage];
    if (gap < 0 && (!weakest || gap < weakest.gap)) weakest = { stage, gap };
  }
  return weakest?.stage ?? null;
}

let shown = null;

export default {
  async render({ scope, range, params, dealerName }) {
    const groupBy = GROUPS.includes(params.get('groupBy')) ? params.get('groupBy') : 'dealer';
    const funnel = await api('/api/analytics/funnel', { ...scope, from: range.from, to: range.to, groupBy });
    const picker = select('groupBy', GROUPS.map((g) => [g, t(`groupBy.${g}`)]), groupBy, t('funnel.groupBy'));
    shown = funnel.total;
    if (!funnel.rows.length) return section(t('page.funnel'), states.empty(), picker);
    const medians = Object.fromEntries(STAGES.map((s) => [s, median(funnel.rows.map((r) => r[s]))]));
    const name = (key) => (groupBy === 'dealer' ? `${key} · ${dealerName(key)}` : ['channel', 'industry'].includes(groupBy) ? label(key) : key);
    const rows = funnel.rows.map((row) => ({ ...row, weakest: weakestStage(row, medians) }));
    const rate = (stage) => ({
      title: t(`funnel.${stage}`), num: true,
      cell: (r) => fmt.pct(r[stage]),
      cls: (r) => (r.weakest === stage ? 'weakest' : ''),
    });
    const columns = [
      { title: t('funnel.key'), cell: (r) => esc(r.key === undefined ? t('funnel.total') : name(r.key)) },
      { title: t('funnel.traffic'), num: true, cell: (r) => fmt.int(r.traffic) },
      { title: t('funnel.kept'), num: true, cell: (r) => fmt.int(r.kept) },
      { title: t('funnel.followed'), num: true, cell: (r) => fmt.int(r.followed) },
      { title: t('funnel.won'), num: true, cell: (r) => fmt.int(r.won) },
      rate('keepRate'), rate('followRate'), rate('convertRate'),
      { title: t('funnel.closeRate'), num: true, cell: (r) => fmt.pct(r.closeRate) },
      { title: t('funnel.weakest'), cell: (r) => (r.weakest ? esc(t('funnel.weakestNote', {
        stage: t(`funnel.${r.weakest}`), rate: fmt.pct(r[r.weakest]), median: fmt.pct(medians[r.weakest]) })) : '') },
    ];
    const mediansLine = `<p class="note">${esc(t('funnel.median'))}: ${STAGES.map((s) => `${esc(t(`funnel.${s}`))} ${fmt.pct(medians[s])}`).join(' · ')}</p>`;
    const { key: _ignored, ...total } = funnel.total;
    return `<div class="split">
        ${section(t('funnel.total'), '<div id="funnel-chart" class="chart"></div>')}
        ${section(t('funnel.median'), `${mediansLine}<div id="rates-chart" class="chart"></div>`)}
      </div>
      ${section(t('page.funnel'), table(columns, rows, { footer: total, id: 'funnel-table' }), picker)}`;
  },
  after() {
    if (!shown) return;
    chart('funnel-chart', {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'funnel', sort: 'none', left: '4%', width: '64%', minSize: '20%', // room on the right for the labels
        label: { formatter: (p) => `${p.name} ${fmt.int(p.value)}` },
        data: ['traffic', 'kept', 'followed', 'won'].map((k) => ({ name: t(`funnel.${k}`), value: shown[k] })),
        color: ['#1d4ed8', '#3b82f6', '#60a5fa', '#16a34a'],
      }],
    }, 260);
    chart('rates-chart', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.pct(v) },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: [...STAGES, 'closeRate'].map((s) => t(`funnel.${s}`)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.pct(v) } },
      series: [{ type: 'bar', data: [...STAGES, 'closeRate'].map((s) => shown[s]), color: '#2563eb', barWidth: '40%' }],
    }, 230);
  },
};
