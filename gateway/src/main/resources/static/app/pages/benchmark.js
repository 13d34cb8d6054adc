// Dealers ranked on one funnel metric, each with its 95% interval, against the regional median.
import { api } from '../api.js';
import { t, fmt } from '../i18n.js';
import { section, select, table, chart, esc, states } from '../ui.js';

const METRICS = ['closeRate', 'keepRate', 'followRate', 'convertRate'];
let view = null;

export default {
  roles: ['ADMIN', 'HQ', 'REGION_MANAGER'],
  async render({ scope, range, params, dealerName }) {
    const metric = METRICS.includes(params.get('metric')) ? params.get('metric') : 'closeRate';
    const bench = await api('/api/analytics/dealers/benchmark', { region: scope.region, from: range.from, to: range.to, metric });
    view = { bench, metric, dealerName };
    const picker = select('metric', METRICS.map((m) => [m, t(`metric.${m}`)]), metric, t('benchmark.metric'));
    if (!bench.rows.length) return section(t('page.benchmark'), states.empty(), picker);
    const columns = [
      { title: t('benchmark.rank'), num: true, cell: (r) => fmt.int(r.rank) },
      { title: t('benchmark.dealer'), cell: (r) => esc(`${r.dealerId} · ${dealerName(r.dealerId)}`) },
      { title: t('benchmark.value'), num: true, cell: (r) => fmt.pct(r.value) },
      { title: t('benchmark.interval'), num: true, cell: (r) => `${fmt.pct(r.low)} – ${fmt.pct(r.high)}` },
      { title: t('benchmark.n'), num: true, cell: (r) => fmt.int(r.n) },
    ];
    const height = Math.max(240, bench.rows.length * 22 + 80);
    return `${section(`${t('page.benchmark')} · ${t(`metric.${metric}`)}`,
      `<p class="note" id="median">${esc(t('benchmark.median'))}: ${fmt.pct(bench.median)}</p><div id="bench-chart" class="chart" style="height:${height}px"></div>`, picker)}
      ${section(t('benchmark.interval'), table(columns, bench.rows, { id: 'bench-table' }))}`;
  },
  after() {
    if (!view?.bench.rows.length) return;
    const { bench, dealerName } = view;
    const rows = bench.rows.filter((r) => r.value !== null);
    const names = rows.map((r) => `${r.rank}. ${r.dealerId} ${dealerName(r.dealerId)}`);
    chart('bench-chart', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (items) => { const r = rows[items[0].dataIndex]; return `${names[items[0].dataIndex]}<br>${fmt.pct(r.value)} (${fmt.pct(r.low)} – ${fmt.pct(r.high)}), n=${fmt.int(r.n)}`; } },
      grid: { left: 200, right: 40, top: 20, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.pct(v) } },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: 11 } },
      series: [
        { name: 'interval', type: 'custom', renderItem: (params, api) => {
          const y = api.coord([0, api.value(0)])[1];
          const low = api.coord([api.value(1), 0])[0];
          const high = api.coord([api.value(2), 0])[0];
          const h = 5;
          const style = { stroke: '#64748b', lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: low, y1: y, x2: high, y2: y }, style },
            { type: 'line', shape: { x1: low, y1: y - h, x2: low, y2: y + h }, style },
            { type: 'line', shape: { x1: high, y1: y - h, x2: high, y2: y + h }, style },
          ] };
        }, encode: { x: [1, 2], y: 0 }, data: rows.map((r, i) => [i, r.low, r.high]), z: 1 },
        { name: 'value', type: 'scatter', symbolSize: 9, color: '#2563eb', data: rows.map((r, i) => [r.value, i]), z: 2,
          encode: { x: 0, y: 1 },
          markLine: bench.median === null ? undefined : { symbol: 'none', lineStyle: { color: '#dc2626', type: 'dashed' },
            label: { formatter: `${t('benchmark.median')} ${fmt.pct(bench.median)}` }, data: [{ xAxis: bench.median }] } },
      ],
    }, Math.max(240, rows.length * 22 + 80));
  },
};
