// Per channel: leads, the share that was invalid, conversion, and what a lead and a deal cost.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, table, chart, esc, states } from '../ui.js';

let rows = [];

export default {
  async render({ scope, range }) {
    const channels = await api('/api/analytics/channels', { ...scope, from: range.from, to: range.to });
    rows = channels.rows;
    if (!rows.length) return section(t('page.channels'), states.empty());
    const columns = [
      { title: t('channels.channel'), cell: (r) => esc(label(r.channel)) },
      { title: t('channels.captured'), num: true, cell: (r) => fmt.int(r.captured) },
      { title: t('channels.invalidRate'), num: true, cell: (r) => fmt.pct(r.invalidRate) },
      { title: t('channels.leads'), num: true, cell: (r) => fmt.int(r.leads) },
      { title: t('channels.won'), num: true, cell: (r) => fmt.int(r.won) },
      { title: t('channels.conversionRate'), num: true, cell: (r) => fmt.pct(r.conversionRate) },
      { title: t('channels.spend'), num: true, cell: (r) => fmt.cny(r.spend) },
      { title: t('channels.costPerLead'), num: true, cell: (r) => fmt.cny(r.costPerLead) },
      { title: t('channels.costPerWon'), num: true, cell: (r) => fmt.cny(r.costPerWon) },
    ];
    return `<div class="split">
        ${section(t('channels.costPerWon'), '<div id="cost-chart" class="chart"></div>')}
        ${section(t('channels.conversionRate'), '<div id="conversion-chart" class="chart"></div>')}
      </div>
      ${section(t('page.channels'), table(columns, rows, { id: 'channels-table' }))}`;
  },
  after() {
    if (!rows.length) return;
    const byCost = [...rows].filter((r) => r.costPerWon !== null).sort((a, b) => a.costPerWon - b.costPerWon);
    chart('cost-chart', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.cny(v) },
      grid: { left: 110, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.cny(v) } },
      yAxis: { type: 'category', data: byCost.map((r) => label(r.channel)) },
      series: [
        { name: t('channels.costPerWon'), type: 'bar', data: byCost.map((r) => r.costPerWon), color: '#f59e0b' },
        { name: t('channels.costPerLead'), type: 'bar', data: byCost.map((r) => r.costPerLead), color: '#93c5fd' },
      ],
    }, 300);
    chart('conversion-chart', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.pct(v) },
      legend: { top: 0 },
      grid: { left: 110, right: 30, top: 30, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.pct(v) } },
      yAxis: { type: 'category', data: rows.map((r) => label(r.channel)) },
      series: [
        { name: t('channels.conversionRate'), type: 'bar', data: rows.map((r) => r.conversionRate), color: '#16a34a' },
        { name: t('channels.invalidRate'), type: 'bar', data: rows.map((r) => r.invalidRate), color: '#dc2626' },
      ],
    }, 300);
  },
};
