/** What a chart is drawn from: the report's outputs fill these, the chart templates read them. */
import type { Cell } from '../tables/table.js';

export type ChartKind = 'grouped' | 'years' | 'trend';

/** One bar or point: a share of something, with the counts behind it when there are some. */
export interface Point {
  code: string;
  name: string;
  year: number;
  series: string;
  /** share in percent (kronor in a chart of `unit` kr); null for a gap */
  pct: number | null;
  numerator: Cell;
  denominator: Cell;
  status: 'ok' | 'suppressed' | 'missing' | 'not_available';
  /** why a suppressed value is hidden: a small count, a secondary cell, a small denominator */
  hiddenBy?: 'small' | 'secondary' | 'denominator';
  /** a region's figure: the mean of its municipalities' shares, or all recipients over all inhabitants */
  method?: RegionMethod;
  /** false: in the chart's CSV, not drawn (the region figure not chosen) */
  drawn?: boolean;
}

export type RegionMethod = 'unweighted' | 'pooled';

export interface ChartData {
  kind: 'chart';
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  template: ChartKind;
  /** x categories in order (municipalities, region last; or years) */
  order: string[];
  yTitle: string;
  points: Point[];
  source: string;
  notes: string[];
  /** municipality codes a profile may highlight in this chart */
  codes: string[];
  /** made without small-count suppression: marked as not for publication */
  draft?: boolean;
  /** what the values are: percent (the default) or kronor (a cost per inhabitant) */
  unit?: 'kr';
  /** the report's members without a figure, by the years they lack one (warned about, listed in index.md) */
  gaps?: { years: number[]; codes: string[] }[];
}

/** One bar (or pair of points) of a survey chart. */
export interface SurveyBar {
  label: string;
  /** a mean on the 1–4 scale, or a whole percent (D6); null when hidden */
  value: number | null;
  n: number;
  /** D9–D11: the fulfilment mean beside the importance mean in `value` */
  second?: number | null;
  n2?: number;
  /** D9–D11: importance − fulfilment */
  gap?: number | null;
}

export interface SurveyChart {
  kind: 'survey';
  id: 'd6' | 'd7' | 'd8' | 'd9' | 'd10' | 'd11' | 'd12';
  slug: string;
  title: string;
  subtitle: string;
  template: 'tenure' | 'means' | 'gap';
  bars: SurveyBar[];
  /** the axis's words, 1…4 */
  scale?: readonly string[];
  /** a reference line on the scale (D8: 3, "I ganska hög grad") */
  rule?: number;
  source: string;
  notes: string[];
  /** D6: the respondents counted, and those of the survey file left out (outside the region, inconsistent, small groups) */
  respondents?: { used: number; leftOut: number };
}
