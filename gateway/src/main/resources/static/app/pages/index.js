import overview from './overview.js';
import funnel from './funnel.js';
import channels from './channels.js';
import speed from './speed.js';
import defeats from './defeats.js';
import comparison from './comparison.js';
import missed from './missed.js';
import benchmark from './benchmark.js';
import work from './work.js';
import { leads, lead } from './leads.js';

export const pages = { overview, funnel, channels, speed, defeats, comparison, missed, benchmark, work, leads, lead };

/** The navigation, in order; the lead pages are reached from links only. */
export const pageOrder = ['overview', 'funnel', 'channels', 'speed', 'defeats', 'comparison', 'missed', 'benchmark', 'work'];
