import { it } from 'vitest';
import { planned } from './report/planned.js';
it('timing', async () => {
  for (const extra of [[], ['--no-suppress'], [], ['--no-suppress']]) {
    const t = Date.now();
    await planned(['--recipe', 'data/sample/recipe.json', '--no-png', ...extra]);
    console.log(extra.join(' ') || 'suppress', Date.now() - t);
  }
}, 60000);
