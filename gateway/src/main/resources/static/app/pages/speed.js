// Speed to lead: capture to the first follow-up that reached the lead.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, table, select, chart, esc, states } from '../ui.js';

const GROUPS = ['dealer', 'channel', 'consultant'];
let rows = [];
let groupName = (key) => key;

export default {
  async render({ scope, range, params, dealerName }) {
    const groupBy = GROUPS.includes(params.get('groupBy')) ? params.get('groupBy') : 'dealer';
    const times = await api('/api/analytics/response-times', { ...scope, from: range.from, to: range.to, groupBy });
    rows = times.rows;
    groupName = (key) => (groupBy === 'dealer' ? `${key} · ${dealerName(key)}` : groupBy === 'channel' ? label(key) : key);
    const picker = select('groupBy', GROUPS.map((g) => [g, t(`groupBy.${g}`)]), groupBy, t('funnel.groupBy'));
    if (!rows.length) return section(t('page.speed'), states.empty(), picker);
    const columns = [
      { title: t('speed.key'), cell: (r) => esc(groupName(r.key)) },
      { title: t('speed.leads'), num: true, cell: (r) => fmt.int(r.leads) },
      { title: t('speed.reached'), num: true, cell: (r) => fmt.int(r.reached) },
      { title: t('speed.median'), num: true, cell: (r) => fmt.num(r.medianMinutes) },
      { title: t('speed.p90'), num: true, cell: (r) => fmt.num(r.p90Minutes) },
      { title: t('speed.withinHour'), num: true, cell: (r) => fmt.pct(r.withinOneHourRate) },
    ];
    return `${section(t('page.speed'), '<div id="speed-chart" class="chart"></div>', picker)}
      ${section(t('speed.withinHour'), table(columns, rows, { id: 'speed-table' }))}`;
  },
  after() {
    if (!rows.length) return;
    const shown = rows.slice(0, 40);
    chart('speed-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 60, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: shown.map((r) => groupName(r.key)), axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: [{ type: 'value', name: 'min' }, { type: 'value', max: 1, axisLabel: { formatter: (v) => fmt.pct(v) } }],
      series: [
        { name: t('speed.median'), type: 'bar', data: shown.map((r) => r.medianMinutes), color: '#2563eb' },
        { name: t('speed.p90'), type: 'bar', data: shown.map((r) => r.p90Minutes), color: '#93c5fd' },
        { name: t('speed.withinHour'), type: 'line', yAxisIndex: 1, data: shown.map((r) => r.withinOneHourRate), color: '#16a34a' },
      ],
    }, 340);
  },
};
