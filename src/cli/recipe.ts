/**
 * A recipe: the options of `report` as a JSON object, so next year is one edited file. Its
 * values go through the options' own parsers; a flag given on the command line wins; paths are
 * relative to the recipe. An unknown key or a value of the wrong type stops the run (exit 2).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { BistandError, UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { distance } from '../domain/names.js';
import { readFileOrFail } from '../io/source.js';
import { OPTIONS, OptionDef, OptionName, attrOf, longFlag, parserOf } from './options.js';

/** Options a recipe cannot set. */
// --force only by hand: a recipe copied from a colleague must not write over a folder
const NOT_IN_RECIPE: readonly OptionName[] = ['recipe', 'debug', 'force'];

function readJson(path: string): Record<string, unknown> {
  const text = readFileOrFail(path).toString('utf8').replace(/^\uFEFF/, '');
  let recipe: unknown;
  try {
    recipe = JSON.parse(text);
  } catch (e) {
    throw new BistandError(`${path}: ${msg.recipeBad((e as Error).message)}`, 2, msg.recipeBadHint());
  }
  if (!recipe || typeof recipe !== 'object' || Array.isArray(recipe)) throw new BistandError(`${path}: ${msg.recipeBad('not a JSON object')}`, 2, msg.recipeBadHint());
  return recipe as Record<string, unknown>;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`);

/** The recipe's values as the texts a flag would have given, checked for type. */
function texts(path: string, key: string, d: OptionDef, v: unknown): string[] | boolean {
  const takesValue = d.flags.includes('<');
  if (!takesValue) {
    if (typeof v !== 'boolean') throw new UsageError(`${path}: ${msg.recipeWrongType(key, 'true or false', typeName(v))}`, msg.recipeWrongTypeHint());
    return v;
  }
  const one = (x: unknown): string => {
    if (typeof x === 'string') return x;
    if (typeof x === 'number' && !d.path) return String(x);
    throw new UsageError(`${path}: ${msg.recipeWrongType(key, d.repeatable ? 'a text or a list of texts' : d.path ? 'a path' : 'a text', typeName(x))}`, msg.recipeWrongTypeHint());
  };
  if (d.repeatable) return Array.isArray(v) ? v.map(one) : [one(v)];
  return [one(v)];
}

/** Sets every option the recipe names that the command line did not give. */
export function applyRecipe(cmd: Command, names: readonly OptionName[], path: string): void {
  const recipe = readJson(path);
  const dir = dirname(resolve(path));
  const allowed = new Map(names.filter((n) => !NOT_IN_RECIPE.includes(n)).map((n) => [attrOf(OPTIONS[n].flags), n] as const));
  for (const [key, v] of Object.entries(recipe)) {
    const name = allowed.get(key);
    if (!name) {
      const best = [...allowed.keys()].map((k) => [k, distance(key.toLowerCase(), k.toLowerCase())] as const).sort((a, b) => a[1] - b[1])[0];
      throw new UsageError(`${path}: ${msg.recipeUnknownKey(key, best && best[1] <= Math.max(2, Math.floor(key.length / 3)) ? best[0] : undefined)}`, msg.recipeUnknownKeyHint([...allowed.keys()].join(', ')));
    }
    if (cmd.getOptionValueSource(key) === 'cli') continue;
    const d: OptionDef = OPTIONS[name];
    const given = texts(path, key, d, v);
    if (typeof given === 'boolean') {
      cmd.setOptionValueWithSource(key, given, 'config');
      continue;
    }
    const flag = longFlag(d.flags);
    const parser = parserOf(d);
    const parse = (t: string) => {
      // a region may be a file of codes: beside the recipe, as its other paths are
      const value = d.path || (name === 'region' && /[./\\]/.test(t) && existsSync(resolve(dir, t))) ? resolve(dir, t) : t;
      try {
        return parser ? parser(value, flag) : value;
      } catch (e) {
        if (e instanceof BistandError) throw new BistandError(`${path}: "${key}": ${e.message}`, 2, e.hint);
        throw e;
      }
    };
    cmd.setOptionValueWithSource(key, d.repeatable ? given.map(parse) : parse(given[0]), 'config');
  }
}
