import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { signalApi } from '../src/analysis/families/abortSignal';
import { eventEmitter } from '../src/analysis/families/eventEmitter';
import { protocols } from '../src/analysis/families/language';
import { rxjs } from '../src/analysis/families/rxjs';
import { timers } from '../src/analysis/families/timers';

const src = path.join(__dirname, '..', 'src');

/**
 * API names that only descriptors may spell out: the engine and the fixers read them from there.
 * Left out, as words the engine also uses for its own vocabulary: `'once'` (how often an event
 * fires), AbortSignal's `any`/`timeout`/`abort` factories (`'any'` is a TypeScript keyword
 * the fixers write in types), and the language protocol names that are also the engine's words.
 */
const apiNames = new Set<string>([
  signalApi.type,
  signalApi.controller,
  signalApi.property,
  signalApi.event,
  signalApi.handlerProperty,
  signalApi.addListener,
  signalApi.removeListener,
  ...signalApi.ownMembers,
  ...signalApi.sharedMembers,
  ...signalApi.listenerFunctions,
  ...eventEmitter.eventNameMethods.filter((method) => method !== 'once'),
  ...eventEmitter.posixSignals.senders,
  ...eventEmitter.posixSignals.options,
  timers.fixSleep.module,
  ...rxjs.combiners,
  // The language's protocols, less the words the engine also uses as its own ('call', 'set', 'add', 'return', 'global').
  ...protocols.promiseCallbacks,
  ...['apply', 'bind', 'push', 'unshift', 'globalThis'],
]);

/** The engine's and the fixers' files, without the descriptors and the tables derived from them. */
function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'families' ? [] : engineFiles(file);
    return entry.name.endsWith('.ts') && file !== path.join(src, 'analysis', 'apis.ts') ? [file] : [];
  });
}

/** Each string literal (types included) and each quoted name inside a template's text: `'abort'` in `` `x.on('abort', …)` ``. */
function literalsIn(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ text: node.text, line });
    if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      for (const match of node.text.matchAll(/'([^'\s]+)'/g)) found.push({ text: match[1] as string, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('API names live in the descriptors', () => {
  it('no file of the engine or the fixers spells out an API name a descriptor holds', () => {
    const stray = [...engineFiles(path.join(src, 'analysis')), ...engineFiles(path.join(src, 'fix'))].flatMap((file) =>
      literalsIn(file)
        .filter(({ text }) => apiNames.has(text))
        .map(({ text, line }) => `${path.relative(src, file)}:${line} '${text}'`),
    );
    expect(stray).toEqual([]);
  });

  it('finds a name spelled out where it should not be', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-literals-')), 'probe.ts');
    fs.writeFileSync(file, "export const isAbort = (event: string) => event === 'abort';\nexport const code = `s.addEventListener('abort', f)`;\n");
    expect(literalsIn(file).filter(({ text }) => apiNames.has(text))).toEqual([
      { text: 'abort', line: 1 },
      { text: 'abort', line: 2 },
    ]);
  });
});
