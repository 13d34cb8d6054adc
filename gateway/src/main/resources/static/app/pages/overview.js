// The lead structure and what it cost, for the scope and period, and the same month by month.
import { api } from '../api.js';
import { t, fmt } from '../i18n.js';
import { cards, section, table, chart, esc, states } from '../ui.js';
import { linkTo } from '../main.js';

function months(from, to) {
  const result = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    result.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return result.slice(-24);
}

function lastDay(ym) {
  const [year, month] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(year, month, 0).getDate()).padStart(2, '0')}`;
}

let trend = [];

export default {
  async render({ scope, range }) {
    const span = months(range.from, range.to);
    const [total, ...monthly] = await Promise.all([
      api('/api/analytics/structure', { ...scope, from: range.from, to: range.to }),
      ...span.map((m) => api('/api/analytics/structure', { ...scope, from: `${m}-01`, to: lastDay(m) })),
    ]);
    trend = span.map((month, i) => ({ month, ...monthly[i] }));
    const s = total;
    const story = s.spend === null || s.costPerLead === null ? t('overview.noSpend') : t('overview.story', {
      captured: fmt.int(s.captured), spend: fmt.cny(s.spend), costPerLead: fmt.cny(s.costPerLead), defeatedSpend: fmt.cny(s.defeatedSpend),
    });
    const kpis = cards([
      { id: 'captured', title: t('m.captured'), value: fmt.int(s.captured), hint: `${t('m.invalid')} ${fmt.int(s.invalid)}` },
      { id: 'won', title: t('m.won'), value: fmt.int(s.won), tone: 'good', hint: `${t('m.vehiclesSold')} ${fmt.int(s.vehiclesSold)}` },
      { id: 'potential', title: t('m.potential'), value: fmt.int(s.potential), hint: `${t('m.pendingDefeats')} ${fmt.int(s.pendingDefeats)}` },
      { id: 'defeated', title: t('m.defeated'), value: fmt.int(s.defeated), tone: 'bad',
        hint: `${t('m.atRisk')} ${fmt.int(s.atRisk)} · ${t('m.defeatedConfirmed')} ${fmt.int(s.defeatedConfirmed)}` },
      { id: 'spend', title: t('m.spend'), value: fmt.cny(s.spend) },
      { id: 'costPerLead', title: t('m.costPerLead'), value: fmt.cny(s.costPerLead) },
      { id: 'defeatedSpend', title: t('m.defeatedSpend'), value: fmt.cny(s.defeatedSpend), tone: 'bad' },
    ]);
    const rows = trend.filter((m) => m.captured > 0);
    const monthTable = rows.length ? table([
      { title: t('overview.month'), cell: (m) => `<a href="${esc(linkTo('overview', { from: `${m.month}-01`, to: lastDay(m.month) }))}" title="${esc(t('overview.pickMonth'))}">${esc(fmt.month(m.month))}</a>` },
      { title: t('m.captured'), num: true, cell: (m) => fmt.int(m.captured) },
      { title: t('m.won'), num: true, cell: (m) => fmt.int(m.won) },
      { title: t('m.potential'), num: true, cell: (m) => fmt.int(m.potential) },
      { title: t('m.defeated'), num: true, cell: (m) => fmt.int(m.defeated) },
      { title: t('m.spend'), num: true, cell: (m) => fmt.cny(m.spend) },
      { title: t('m.costPerLead'), num: true, cell: (m) => fmt.cny(m.costPerLead) },
      { title: t('m.defeatedSpend'), num: true, cell: (m) => fmt.cny(m.defeatedSpend) },
    ], rows, { id: 'months' }) : states.empty();
    return `<p class="story" id="story">${esc(story)}</p>${kpis}
      ${section(t('overview.trend'), `<div id="trend-chart" class="chart"></div>${monthTable}`)}`;
  },
  after() {
    const shown = trend.filter((m) => m.captured > 0);
    if (!shown.length) return;
    chart('trend-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: shown.map((m) => fmt.month(m.month)) },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: (v) => fmt.cny(v) } }],
      series: [
        { name: t('m.won'), type: 'bar', stack: 'leads', data: shown.map((m) => m.won), color: '#16a34a' },
        { name: t('m.potential'), type: 'bar', stack: 'leads', data: shown.map((m) => m.potential), color: '#93c5fd' },
        { name: t('m.defeated'), type: 'bar', stack: 'leads', data: shown.map((m) => m.defeated), color: '#f87171' },
        { name: t('m.costPerLead'), type: 'line', yAxisIndex: 1, data: shown.map((m) => m.costPerLead), color: '#f59e0b' },
      ],
    });
  },
};
