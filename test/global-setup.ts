/**
 * One folder for the whole run, shared by the test processes (vitest's forks inherit the
 * environment set here): the sample report that several files read is written there once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bistand-shared-'));
  process.env.BISTAND_TEST_SHARED = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
