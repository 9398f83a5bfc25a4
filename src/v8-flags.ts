/**
 * V8 settings bistand changes for its own work, each unless the user gave it (on node's command
 * line, or in NODE_OPTIONS for the flags Node lets through there). V8's flags are the process's:
 * the worker threads have them too.
 */
import v8 from 'node:v8';

/**
 * Flags a later V8 no longer has, by the major version that dropped them: V8 prints
 * "unrecognized flag" on stderr for them. --interrupt-budget went in V8 12 (Node 22), whose
 * tiering counts a function's calls instead; there V8's own tiering stays.
 */
const DROPPED_IN: Record<string, number> = { 'interrupt-budget': 12 };

export function setV8FlagUnlessGiven(name: string, value: number): void {
  if (Number(process.versions.v8.split('.')[0]) >= (DROPPED_IN[name] ?? Infinity)) return;
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (!given.includes(`--${name}`)) v8.setFlagsFromString(`--${name}=${value}`);
}
