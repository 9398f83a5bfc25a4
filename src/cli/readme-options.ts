/**
 * The README's option tables and recipe keys, made from the options data. `npm run docs`
 * rewrites them between `<!-- options:NAME -->` and `<!-- /options -->`; a test fails when the
 * README and the data drift apart.
 */
import { FETCH_OPTIONS, OPTIONS, OptionName, REGISTER_OPTIONS, REPORT_OPTIONS, SAMPLE_OPTIONS, TIDY_OPTIONS, attrOf, longFlag, optionsTable } from './options.js';

function recipeKeys(): string {
  const names = REPORT_OPTIONS.filter((n: OptionName) => n !== 'recipe' && n !== 'debug');
  const rows = names.map((n) => {
    const d = OPTIONS[n];
    const kind = !d.flags.includes('<') ? 'true / false' : 'repeatable' in d && d.repeatable ? 'path or list of paths' : 'path' in d && d.path ? 'path' : 'text or number';
    return `| \`${attrOf(d.flags)}\` | \`${longFlag(d.flags)}\` | ${kind} |`;
  });
  return ['| key | as the option | value |', '|---|---|---|', ...rows].join('\n');
}

export const README_BLOCKS: Record<string, () => string> = {
  register: () => optionsTable(REGISTER_OPTIONS),
  tidy: () => optionsTable(TIDY_OPTIONS),
  report: () => optionsTable(REPORT_OPTIONS),
  fetch: () => optionsTable(FETCH_OPTIONS),
  sample: () => optionsTable(SAMPLE_OPTIONS),
  recipe: recipeKeys,
};

/** The README with every block made again from the data. */
export function renderReadme(text: string): string {
  return text.replace(/(<!-- options:([a-z]+) -->\n)[\s\S]*?(<!-- \/options -->)/g, (_m, open: string, name: string, close: string) => {
    const make = README_BLOCKS[name];
    if (!make) throw new Error(`README: no options block "${name}"`);
    return `${open}${make()}\n${close}`;
  });
}
