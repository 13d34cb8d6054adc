// Regions against industries, models or channels: where deals happen and where they do not.
import { api } from '../api.js';
import { t, fmt, label } from '../i18n.js';
import { section, select, chart, states, esc } from '../ui.js';

const DIMENSIONS = ['industry', 'model', 'channel'];
const MEASURES = ['won', 'closeRate', 'leads'];
let view = null;

/** The heat map's numbers as a table, regions down and values across. */
function grid(comparison, measure, dimension) {
  const cell = new Map(comparison.cells.map((c) => [`${c.region}\u0000${c.value}`, c]));
  const show = (c) => (!c ? '' : measure === 'closeRate' ? fmt.pct(c.closeRate) : fmt.int(c[measure]));
  const head = comparison.values.map((v) => `<th class="num">${esc(dimension === 'model' ? v : label(v))}</th>`).join('');
  const rows = comparison.regions.map((r) => `<tr><td>${esc(r)}</td>${comparison.values
    .map((v) => `<td class="num">${show(cell.get(`${r}\u0000${v}`))}</td>`).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table id="comparison-table"><thead><tr><th>${esc(t('comparison.region'))}</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export default {
  roles: ['ADMIN', 'HQ', 'REGION_MANAGER'],
  async render({ scope, range, params }) {
    const dimension = DIMENSIONS.includes(params.get('dimension')) ? params.get('dimension') : 'industry';
    const measure = MEASURES.includes(params.get('measure')) ? params.get('measure') : 'won';
    // The heat map compares regions, so it always reads the caller's widest scope; a regional manager gets its region.
    const wide = scope.dealerId ? {} : scope;
    const comparison = await api('/api/analytics/comparison', { ...wide, from: range.from, to: range.to, dimension });
    view = { comparison, measure, dimension };
    const pickers = select('dimension', DIMENSIONS.map((d) => [d, t(`dimension.${d}`)]), dimension, t('comparison.dimension'))
      + select('measure', MEASURES.map((m) => [m, t(`comparison.${m}`)]), measure, t('comparison.measure'));
    if (!comparison.cells.length) return section(t('page.comparison'), states.empty(), pickers);
    const height = Math.max(260, comparison.regions.length * 34 + 120);
    return section(t('page.comparison'), `<div id="heatmap" class="chart" style="height:${height}px"></div>`, pickers)
      + section(`${t(`comparison.${measure}`)} · ${t(`dimension.${dimension}`)}`, grid(comparison, measure, dimension));
  },
  after() {
    if (!view?.comparison.cells.length) return;
    const { comparison, measure, dimension } = view;
    const values = comparison.values;
    const regions = comparison.regions;
    const name = (v) => (dimension === 'model' ? v : label(v));
    const data = comparison.cells.map((c) => [values.indexOf(c.value), regions.indexOf(c.region), c[measure] ?? 0, c]);
    const max = Math.max(...data.map((d) => d[2]), measure === 'closeRate' ? 0.01 : 1);
    const show = (v) => (measure === 'closeRate' ? fmt.pct(v) : fmt.int(v));
    chart('heatmap', {
      tooltip: {
        formatter: (p) => `${p.data[3].region} · ${name(p.data[3].value)}<br>${t('comparison.leads')} ${fmt.int(p.data[3].leads)}`
          + `<br>${t('comparison.won')} ${fmt.int(p.data[3].won)}<br>${t('comparison.closeRate')} ${fmt.pct(p.data[3].closeRate)}`,
      },
      grid: { left: 90, right: 20, top: 10, bottom: 110 },
      xAxis: { type: 'category', data: values.map(name), axisLabel: { rotate: 40, fontSize: 11 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: regions, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f8fafc', '#93c5fd', '#1d4ed8'] }, formatter: show },
      series: [{ type: 'heatmap', data, label: { show: values.length <= 20, formatter: (p) => show(p.data[2]), fontSize: 10 } }],
    }, Math.max(260, regions.length * 34 + 150));
  },
};
