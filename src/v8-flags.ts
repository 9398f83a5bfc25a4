/**
 * V8 settings bistand changes for its own work, each unless the user gave it (in NODE_OPTIONS or
 * on node's command line). V8's flags are the process's: the worker threads have them too.
 */
import v8 from 'node:v8';

export function setV8FlagUnlessGiven(name: string, value: number): void {
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (!given.includes(`--${name}`)) v8.setFlagsFromString(`--${name}=${value}`);
}
