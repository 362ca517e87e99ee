import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

import { kindShapes, objectApis } from '../src/analysis/apis';
import type { Family } from '../src/analysis/families/family';
import { families } from '../src/analysis/families';
import { trackedCalls } from '../src/analysis/imports';
import { contextForRelativeImport } from '../src/analysis/otherFiles';
import { mayLeadToStarts } from '../src/analysis/startHints';

const all: readonly Family[] = families;
const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-families-'));
let probes = 0;

/** Writes `text` as a helper file and follows an import of its `probe` the way the engine does. */
function followProbe(text: string) {
  const file = path.join(probeDir, `probe${++probes}.ts`);
  fs.writeFileSync(file, text);
  return contextForRelativeImport(path.join(probeDir, 'importer.ts'), `./probe${probes}`, 'probe', undefined);
}

/** How a helper file would call an export: `import { watch } from 'fs'; watch(…)`, `const m = require('m'); new m()`. */
function importAndCall(module: string, exportPath: string): string {
  if (exportPath === '*') return `const m = require('${module}');\nexport function probe() { return new m(); }\n`;
  if (exportPath === 'default') return `import m from '${module}';\nexport function probe() { return new m(); }\n`;
  const [first, ...rest] = exportPath.split('.');
  return `import { ${first} } from '${module}';\nexport function probe(a: string, f: () => void) { return ${[first, ...rest].join('.')}(a, f); }\n`;
}

/** Whether import tracking finds a start in a followed file. */
function startsIn(context: ReturnType<typeof followProbe>): boolean {
  return context !== undefined && [...trackedCalls(context).values()].some((tracked) => tracked.start !== undefined);
}

describe('family descriptors', () => {
  it('every kind a family names is made by some family', () => {
    const named = all.flatMap((family) => [
      ...Object.values(family.objects ?? {}).flatMap((api) => [
        ...Object.values(api.starts).flatMap((start) => (start.returns ? [start.returns] : [])),
        ...Object.values(api.returns ?? {}),
      ]),
      ...Object.values(family.modules ?? {}).flatMap((facts) => [
        ...Object.values(facts.starts ?? {}).flatMap((start) => (start.returns ? [start.returns] : [])),
        ...Object.values(facts.objects ?? {}),
        ...Object.values(facts.types ?? {}),
      ]),
      ...Object.values(family.globals?.instances ?? {}),
      ...Object.values(family.globals?.types ?? {}),
      ...Object.values(family.typePackages ?? {}),
    ]);
    expect(named.filter((kind) => !(kind in objectApis))).toEqual([]);
  });

  it('no two families define the same kind of object', () => {
    const kinds = all.flatMap((family) => Object.keys(family.objects ?? {}));
    expect(kinds.filter((kind, index) => kinds.indexOf(kind) !== index)).toEqual([]);
  });

  describe('each import-tracked start is followed into a helper file and found there', () => {
    const cases = all.flatMap((family) =>
      Object.entries(family.modules ?? {}).flatMap(([module, facts]) =>
        Object.keys(facts.starts ?? {}).map((exportPath) => [`${family.name}: ${module} ${exportPath}`, module, exportPath] as const),
      ),
    );
    it.each(cases)('%s', (_, module, exportPath) => {
      const context = followProbe(importAndCall(module, exportPath));
      expect(context, 'the pre-filter lets the file through').toBeDefined();
      expect(startsIn(context)).toBe(true);
    });
  });

  describe('each global start passes the pre-filter and is found', () => {
    // A start only when it re-arms its own function (setTimeout) is left out of the followed-file
    // pre-filter on purpose: nearly every file calls it once (kb-rearming-timers.test.ts finds it).
    const cases = all.flatMap((family) =>
      Object.entries(family.globals?.starts ?? {})
        .filter(([, start]) => !('onlyRearming' in start))
        .map(([name]) => [`${family.name}: ${name}`, name] as const),
    );
    it.each(cases)('%s', (_, name) => {
      const context = followProbe(`export function probe(f: () => void) { return new ${name}(f); }\n`);
      expect(context, 'the pre-filter lets the file through').toBeDefined();
      expect(startsIn(context)).toBe(true);
    });
    it('a one-shot setTimeout alone does not make a file worth following', () => {
      expect(mayLeadToStarts('export function later(f: () => void) { setTimeout(f, 1000); }', undefined)).toBe(false);
    });
  });

  describe('each method start passes the pre-filter', () => {
    const cases = all.flatMap((family) =>
      Object.entries(family.objects ?? {}).flatMap(([kind, api]) =>
        Object.keys(api.starts).map((method) => [`${family.name}: ${kind}.${method}`, method] as const),
      ),
    );
    it.each(cases)('%s', (_, method) => {
      expect(mayLeadToStarts(`export function probe(target: any) { target.${method}('x', () => {}); }`, undefined)).toBe(true);
    });
  });

  describe('each module that makes an object with starts passes the pre-filter', () => {
    const cases = all.flatMap((family) =>
      Object.entries(family.modules ?? {}).flatMap(([module, facts]) =>
        Object.entries(facts.objects ?? {})
          .filter(([, kind]) => Object.keys(objectApis[kind as keyof typeof objectApis]?.starts ?? {}).length > 0)
          .map(([exportPath]) => [`${family.name}: ${module} ${exportPath}`, module, exportPath] as const),
      ),
    );
    it.each(cases)('%s', (_, module, exportPath) => {
      expect(mayLeadToStarts(importAndCall(module, exportPath), undefined)).toBe(true);
    });
  });

  describe('each endless iterator method passes the pre-filter', () => {
    const cases = all.flatMap((family) =>
      (family.endlessIterators ?? []).flatMap((iterators) =>
        iterators.modules.flatMap((module) =>
          Object.keys(iterators.iterators).map((method) => [`${family.name}: ${module} ${method}`, module, method] as const),
        ),
      ),
    );
    it.each(cases)('%s', (_, _module, method) => {
      expect(mayLeadToStarts(`export async function probe(client: any) { for await (const m of client.${method}('x')) console.log(m); }`, undefined)).toBe(true);
    });
  });

  it('every start method of a custom API in settings passes the pre-filter', () => {
    const settings = { leaks: { subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['followTopic'], returns: 'disposer' }] } };
    const text = `export function probe(bus: any, f: () => void) { return bus.followTopic('x', f); }`;
    expect(mayLeadToStarts(text, undefined)).toBe(false);
    expect(mayLeadToStarts(text, settings)).toBe(true);
  });

  it('a type with both EventTarget and EventEmitter members is told by the more specific shape first', () => {
    const kinds = kindShapes.map((shape) => shape.kind);
    expect(kinds.indexOf('eventTarget')).toBeLessThan(kinds.indexOf('emitter'));
  });

  it('a file with no start, tracked module or relative import is not parsed', () => {
    expect(mayLeadToStarts(`export const two = 1 + 1;\nexport function watcher() { return 'watch'; }\n`, undefined)).toBe(false);
  });
});
