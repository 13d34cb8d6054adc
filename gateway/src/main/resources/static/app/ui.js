// Small rendering helpers shared by the pages: escaping, tables, cards, states and charts.
import { t } from './i18n.js';

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A table; each column is {title, cell(row) → html, num?: true, cls?(row)}. */
export function table(columns, rows, { footer, id } = {}) {
  const head = columns.map((c) => `<th class="${c.num ? 'num' : ''}">${esc(c.title)}</th>`).join('');
  const line = (row, tag = 'td') => columns
    .map((c) => `<${tag} class="${[c.num ? 'num' : '', c.cls ? c.cls(row) : ''].join(' ')}">${c.cell(row)}</${tag}>`).join('');
  const body = rows.map((row) => `<tr>${line(row)}</tr>`).join('');
  const foot = footer ? `<tfoot><tr>${line(footer)}</tr></tfoot>` : '';
  return `<div class="table-wrap"><table${id ? ` id="${id}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table></div>`;
}

export function cards(items) {
  return `<div class="cards">${items.map(({ title, value, hint, tone, id }) => `
    <div class="card ${tone ?? ''}"${id ? ` data-metric="${id}"` : ''}>
      <div class="card-title">${esc(title)}</div>
      <div class="card-value">${esc(value)}</div>
      ${hint ? `<div class="card-hint">${esc(hint)}</div>` : ''}
    </div>`).join('')}</div>`;
}

export function section(title, body, extra = '') {
  return `<section class="panel"><div class="panel-head"><h2>${esc(title)}</h2>${extra}</div>${body}</section>`;
}

export function select(name, options, chosen, title) {
  const items = options.map(([value, text]) =>
    `<option value="${esc(value)}"${value === chosen ? ' selected' : ''}>${esc(text)}</option>`).join('');
  return `<label class="picker">${esc(title)} <select name="${esc(name)}" data-param="${esc(name)}">${items}</select></label>`;
}

export const states = {
  loading: () => `<div class="state loading"><span class="spinner"></span>${esc(t('loading'))}</div>`,
  empty: (text = t('empty')) => `<div class="state empty">${esc(text)}</div>`,
  error: (detail) => `<div class="state error" role="alert"><strong>${esc(t('error'))}</strong><div class="problem-detail">${esc(detail)}</div></div>`,
};

const mounted = [];

/** Draws an ECharts option into the element with the given id; charts are disposed on the next page. */
export function chart(id, option, height = 320) {
  const element = document.getElementById(id);
  if (!element || !window.echarts) return;
  element.style.height = `${height}px`;
  const instance = window.echarts.init(element);
  instance.setOption({ textStyle: { fontFamily: 'inherit' }, animation: false, ...option });
  mounted.push(instance);
}

export function disposeCharts() {
  while (mounted.length) mounted.pop().dispose();
}

window.addEventListener('resize', () => mounted.forEach((c) => c.resize()));

export const palette = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

export function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
