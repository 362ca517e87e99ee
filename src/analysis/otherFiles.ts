import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type * as TypeScriptESTree from '@typescript-eslint/typescript-estree';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { SourceCode } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';

import type { AnalysisContext } from './fileCache';
import { handleEnds, teardownMethods } from './apis';
import { mayConnectByItself, mayLeadToStarts, mayRearmAndClear, mayStartByItself } from './startHints';

/** The TypeScript versions whose JavaScript API the parser of followed files works with (our peer range). */
export const supportedTypeScript = '>=5.0.0 <6.1.0';

/**
 * Why the installed TypeScript cannot parse followed files, or `undefined` when it can: not
 * installed, outside {@link supportedTypeScript}, or without a JavaScript API (TypeScript 7).
 *
 * `typescriptProblem({ version: '7.0.2', versionMajorMinor: '7.0' })` → `TypeScript 7.0.2 is installed …`
 */
export function typescriptProblem(typescript: { version?: unknown; createSourceFile?: unknown } | undefined): string | undefined {
  const lost = 'calls are not followed into TypeScript files, so findings that span files (a job calling a helper in another file) are not reported';
  if (!typescript) return `TypeScript is not installed: ${lost}. Install typescript ${supportedTypeScript}.`;
  const version = typeof typescript.version === 'string' ? typescript.version : 'of an unknown version';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const inRange = (major === 5 || (major === 6 && minor === 0)) && typeof typescript.createSourceFile === 'function';
  return inRange ? undefined : `TypeScript ${version} is installed, and eslint-plugin-leaks supports typescript ${supportedTypeScript}: ${lost}.`;
}

let parser: typeof TypeScriptESTree | null | undefined;

/**
 * The parser of followed TypeScript files, loaded on first use: it loads TypeScript (a quarter of
 * a second and 60 MB), which an untyped lint that never follows a call into a TypeScript file
 * (JavaScript files are read with ESLint's own parser) should not pay for. An unsupported
 * TypeScript gives one process warning (shown by the ESLint CLI, the editor's ESLint output and
 * `eslint-plugin-leaks`) and no parser, instead of a failure swallowed on every file.
 */
function estree(): typeof TypeScriptESTree | undefined {
  if (parser !== undefined) return parser ?? undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const load = (id: string, from?: string): unknown => require(from ? require.resolve(id, { paths: [from] }) : id);
  let typescript: { version?: unknown; createSourceFile?: unknown } | undefined;
  try {
    // The copy the parser itself will load.
    typescript = load('typescript', path.dirname(require.resolve('@typescript-eslint/typescript-estree'))) as typeof typescript;
  } catch {
    typescript = undefined;
  }
  const problem = typescriptProblem(typescript);
  if (problem) {
    process.emitWarning(`eslint-plugin-leaks: ${problem}`, { code: 'ESLINT_PLUGIN_LEAKS_TYPESCRIPT' });
    parser = null;
    return undefined;
  }
  parser = load('@typescript-eslint/typescript-estree') as typeof TypeScriptESTree;
  return parser;
}

function scopeManager(): typeof ScopeManager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the parser
  return require('@typescript-eslint/scope-manager') as typeof ScopeManager;
}

/**
 * `settings.leaks` by content: followed files are analysed under the configuration that follows
 * them, and two configurations with the same `settings.leaks` share the work.
 */
const settingsKeys = new WeakMap<object, string>();
function settingsKey(settings: AnalysisContext['settings']): string {
  if (!settings) return 'null';
  let key = settingsKeys.get(settings);
  if (key === undefined) settingsKeys.set(settings, (key = JSON.stringify(settings['leaks'] ?? null)));
  return key;
}

/**
 * Contexts for files other than the one being linted, so the engine can follow a call into
 * them with the same questions it asks of the linted file. Typed: built from the very program
 * the linter already has (no second program), once per file per program and configuration; a
 * program never changes, and a changed file means a new program, so these never go stale.
 * `wanted: 'class'` also follows a file that arms and clears a self-re-arming timer.
 */
const programFiles = new WeakMap<ts.Program, Map<string, AnalysisContext | null>>();

export function contextForProgramFile(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  settings: AnalysisContext['settings'],
  wanted: 'function' | 'class' = 'function',
): AnalysisContext | undefined {
  let files = programFiles.get(program);
  if (!files) programFiles.set(program, (files = new Map()));
  const key = `${settingsKey(settings)}\0${sourceFile.fileName}`;
  const cached = files.get(key);
  // A class may hold a timer it re-arms and clears, which a function's caller need not follow for.
  const rearms = wanted === 'class' && mayRearmAndClear(sourceFile.text);
  if (cached !== undefined && (cached !== null || !rearms)) return cached ?? undefined;
  let context: AnalysisContext | null = null;
  const parse = rearms || worthFollowing(sourceFile.text, settings) ? estree() : undefined;
  const parsed = parse && parseProgramFile(parse, program, sourceFile);
  if (parsed) context = makeContext(sourceFile.fileName, sourceFile.text, parsed.ast, parsed.services, settings);
  files.set(key, context);
  return context ?? undefined;
}

function parseProgramFile(
  parse: typeof TypeScriptESTree,
  program: ts.Program,
  sourceFile: ts.SourceFile,
): ReturnType<typeof TypeScriptESTree.parseAndGenerateServices> | undefined {
  try {
    return parse.parseAndGenerateServices(sourceFile.text, {
      programs: [program],
      filePath: sourceFile.fileName,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      jsx: /\.[jt]sx$/.test(sourceFile.fileName),
    });
  } catch {
    // A file the parser cannot read is a file we do not follow calls into.
    return undefined;
  }
}

/** What a file looked like on disk when we read it: a change to any of these means read it again. */
interface Stamp {
  mtimeMs: number;
  ctimeMs: number;
  size: number;
  ino: number;
  /** When we read it: a read within {@link racyWindowMs} of a write may have missed a second write in the same tick. */
  readAt: number;
}

/** One version of a followed file: its text and, once a call needs it, its context per configuration. */
interface FileVersion {
  file: string;
  stamp: Stamp;
  text: string | undefined;
  contexts: Map<string, AnalysisContext | null>;
  /** Estimated heap bytes: the text, and the parsed tree and scopes of each context. */
  bytes: number;
  /** What {@link followedBytes} counts for it while cached. */
  counted: number;
}

/**
 * Heap bytes per character of source for a parsed file without tokens (tree, parents, scopes,
 * text): 71 measured after a full GC on 29 copies of src/analysis/findLeak.ts.
 */
const parsedBytesPerChar = 70;
const racyWindowMs = 2000;

/**
 * Relative imports' files (untyped mode), least recently used first. The budget bounds what a
 * long-lived process (an editor, `eslint --watch`-like tools) keeps; old versions are dropped as
 * soon as a file changes on disk. It is small on purpose: a whole-repository lint hardly ever
 * follows into the same file twice (on the benchmark's corpus, 32 files parsed with 128 MB, 34
 * with 4 MB), while every megabyte kept raises the heap V8 lets grow before its next full
 * collection by several; an editor re-linting one file keeps its few helpers well within it.
 */
const followedFiles = new Map<string, FileVersion>();
let followedBytes = 0;
let followedBudget = 8 * 1024 * 1024;

/** Which version of which file a followed context was built from, to tell whether it is still current. */
const versionOfContext = new WeakMap<AnalysisContext, FileVersion>();

/** Followed files parsed since the process started (a file parsed again after a change or an eviction counts again). */
let parses = 0;

/**
 * The cache's own counters, for tests and the benchmark:
 * `{ files: 12, bytes: 1_234_567, budget: 134_217_728, parses: 14 }`.
 */
export function followedFilesCache(budget?: number): { files: number; bytes: number; budget: number; parses: number } {
  if (budget !== undefined) {
    followedBudget = budget;
    evict();
  }
  return { files: followedFiles.size, bytes: followedBytes, budget: followedBudget, parses };
}

/**
 * The disk as the current linted file's lint first saw it: a followed file's stamp and a relative
 * module's resolution are looked up once per linted file instead of once per question (a file
 * that calls many imported helpers asked thousands of `stat`s, up to 17 per resolution), and
 * forgotten when the next file's lint begins ({@link beginLint}) and when the job that linted ends
 * (ESLint lints a file synchronously), so that an editor sees an edit at its next lint and the
 * engine called outside a lint reads the disk each time.
 */
let linting = false;
/**
 * The rules whose lint of a file has begun, by the file's SourceCode: a rule that begins again on
 * the same one lints it anew (`Linter#verify` takes a SourceCode too). Not a `WeakRef` to the
 * last: V8 keeps a `WeakRef`'s target alive until the current job ends, and an editor or a test
 * may lint a thousand times in one.
 */
const lintsBegun = new WeakMap<object, Set<string>>();
const stampsThisLint = new Map<string, Stamp | undefined>();
const modulesThisLint = new Map<string, string | undefined>();

/** Rule `rule` begins linting the file of `sourceCode` (each of the plugin's rules says so; the first one clears). */
export function beginLint(sourceCode: object, rule: string): void {
  const begun = lintsBegun.get(sourceCode);
  if (begun && !begun.has(rule)) {
    begun.add(rule);
    return;
  }
  lintsBegun.set(sourceCode, new Set([rule]));
  if (!linting) queueMicrotask(endLint);
  linting = true;
  stampsThisLint.clear();
  modulesThisLint.clear();
}

function endLint(): void {
  linting = false;
  stampsThisLint.clear();
  modulesThisLint.clear();
}

/** `lookUp(key)`, remembered in `memo` while one file is linted. */
function onceThisLint<T>(memo: Map<string, T>, key: string, lookUp: (key: string) => T): T {
  if (!linting) return lookUp(key);
  if (memo.has(key)) return memo.get(key) as T;
  const value = lookUp(key);
  memo.set(key, value);
  return value;
}

function stampOf(file: string): Stamp | undefined {
  return onceThisLint(stampsThisLint, file, statStamp);
}

function statStamp(file: string): Stamp | undefined {
  try {
    // A missing file is common (a module being resolved): no error built for it (a thrown error costs its stack).
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat && { mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, size: stat.size, ino: stat.ino, readAt: Date.now() };
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size && a.ino === b.ino && a.readAt - a.mtimeMs > racyWindowMs;
}

function setVersion(version: FileVersion): void {
  const old = followedFiles.get(version.file);
  if (old) followedBytes -= old.counted;
  followedFiles.delete(version.file);
  followedFiles.set(version.file, version);
  version.counted = version.bytes;
  followedBytes += version.bytes;
  evict();
}

/** Drops the least recently used files until the budget holds; the file used last stays, however big. */
function evict(): void {
  for (const [file, version] of followedFiles) {
    if (followedBytes <= followedBudget || followedFiles.size === 1) break;
    followedFiles.delete(file);
    followedBytes -= version.counted;
  }
}

/**
 * The current version of a file: the cached one while the file is unchanged on disk (same stamp,
 * or a new stamp over the same text), else the file read again.
 */
function currentVersion(file: string): FileVersion | undefined {
  const cached = followedFiles.get(file);
  const stamp = stampOf(file);
  if (!stamp) {
    if (cached) {
      followedFiles.delete(file);
      followedBytes -= cached.counted;
    }
    return undefined;
  }
  if (cached && sameStamp(cached.stamp, stamp)) {
    // Most recently used goes last.
    followedFiles.delete(file);
    followedFiles.set(file, cached);
    return cached;
  }
  const text = readText(file);
  if (cached && text === cached.text) {
    cached.stamp = stamp;
    setVersion(cached);
    return cached;
  }
  const version: FileVersion = { file, stamp, text, contexts: new Map(), bytes: 2 * (text?.length ?? 0), counted: 0 };
  setVersion(version);
  return version;
}

/** One marker per file version, for {@link collectDeclined}: a context with nothing to read, only a version to check. */
const markers = new WeakMap<FileVersion, AnalysisContext>();

function declinedMarker(version: FileVersion): AnalysisContext {
  let marker = markers.get(version);
  if (!marker) {
    marker = { sourceCode: undefined as never, filename: version.file };
    markers.set(version, marker);
    versionOfContext.set(marker, version);
  }
  return marker;
}

/** Where {@link contextForRelativeImport} puts the files it declines while {@link collectDeclined} runs. */
let declinedIn: Set<AnalysisContext> | undefined;

/**
 * Runs `compute` and adds to `into`, as contexts {@link isCurrent} can check, the files it looked at
 * and declined to follow by their text: a summary that found nothing because a helper named no
 * start must be computed again once that helper changes on disk.
 */
export function collectDeclined<T>(into: Set<AnalysisContext>, compute: () => T): T {
  const outer = declinedIn;
  declinedIn = into;
  try {
    return compute();
  } finally {
    declinedIn = outer;
  }
}

/**
 * Whether what the engine learned from a context still holds: false once a followed file was
 * changed on disk since its context was built. The linted file's own context and typed contexts
 * (one program) are always current.
 */
export function isCurrent(context: AnalysisContext): boolean {
  const version = versionOfContext.get(context);
  return !version || currentVersion(version.file) === version;
}

/**
 * `import { helper } from './helper'` seen from `fromFile`: the file it names, when it is one of ours.
 * `wanted: 'singleton'` asks for a value the module makes once (`export const bus = new EventEmitter()`),
 * `wanted: 'class'` for a class whose instances may hold something open (`module.exports = Client`),
 * `wanted: 'inheriting'` for a class whose instances may be of a kind it inherits (`class Pool extends EventEmitter`),
 * `wanted: 'base'` for a base class whose methods a subclass's teardown runs (`super.stop()`),
 * `wanted: 'type'` for an interface or type alias that may hold a signal (`export interface CallOptions { signal: AbortSignal }`),
 * `wanted: 'factory'` for a function that may hand back something it started (`return new Redis(url)`).
 */
export function contextForRelativeImport(
  fromFile: string,
  specifier: string,
  exportName: string,
  settings: AnalysisContext['settings'],
  wanted: 'function' | 'factory' | 'singleton' | 'class' | 'inheriting' | 'base' | 'type' = 'function',
): AnalysisContext | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const file = resolveRelativeModule(path.resolve(path.dirname(fromFile), specifier));
  const version = file && currentVersion(file);
  if (!version) return undefined;
  const key = settingsKey(settings);
  let context = version.contexts.get(key);
  // Parse a file only once a call needs one of its functions, and only if it could lead somewhere.
  if (context === undefined) {
    const { text } = version;
    const reexports = text !== undefined && (wanted === 'function' || wanted === 'factory') && exportName !== '*' && mayReexport(text, exportName);
    const defines =
      wanted === 'function'
        ? worthFollowing(text ?? '', settings) && mayDefineFunction(text ?? '', exportName)
        : wanted === 'factory'
          ? mayDefineFunction(text ?? '', exportName) && mayReachConnection(version.file, text ?? '', settings)
        : wanted === 'class'
          ? mayDefineClass(text ?? '', exportName) && mayHoldResource(text ?? '', settings) && (mayRearmAndClear(text ?? '') || mayReachStarts(version.file, text ?? '', settings))
          : wanted === 'inheriting'
            ? mayDefineClass(text ?? '', exportName) && mayInherit(text ?? '')
          : wanted === 'base'
            ? mayDefineClass(text ?? '', exportName)
          : wanted === 'type'
            ? mayDefineType(text ?? '', exportName) && /signal/i.test(text ?? '')
          : mayDefineSingleton(text ?? '', exportName);
    if (text === undefined || !(reexports || defines)) {
      // Declined by its text: an answer that relied on that holds only while the file is unchanged.
      declinedIn?.add(declinedMarker(version));
      return undefined;
    }
    const parsed = parseModule(version.file, text, settings);
    // No parser at all (an unsupported TypeScript for a .ts file): not followed, not cached.
    if (parsed === undefined) return undefined;
    context = parsed;
    parses++;
    version.contexts.set(key, context);
    if (context) {
      versionOfContext.set(context, version);
      version.bytes += parsedBytesPerChar * text.length;
      setVersion(version);
    }
  }
  return context ?? undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseModule(file: string, text: string, settings: AnalysisContext['settings']): AnalysisContext | null | undefined {
  // JavaScript: ESLint's own parser and scope analysis, already loaded; TypeScript is not needed.
  const javascript = isJavaScriptFile(file) ? javascriptTools() : undefined;
  const ast = javascript && parseJavaScript(javascript, file, text);
  if (javascript && ast) {
    // No tokens, comments or node locations: the engine reads scopes, nodes, ranges and text of
    // followed files (lines through `startLine`). ESLint's `SourceCode` asks the program for a `loc`.
    Object.assign(ast, { tokens: [], comments: [], loc: programLocation(text) });
    const tools = javascript;
    const scopes = lazyScopes(
      () =>
        tools.scope.analyze(ast, {
          ecmaVersion: tools.espree.latestEcmaVersion,
          sourceType: 'module',
          childVisitorKeys: tools.keys.KEYS,
          fallback: tools.keys.getKeys,
        }) as unknown as TSESLint.Scope.ScopeManager,
    );
    return makeContext(file, text, ast, undefined, settings, scopes, tools.keys.KEYS);
  }
  // TypeScript, or JavaScript that espree cannot read (TypeScript syntax in a .js file).
  const parse = estree();
  if (!parse) return undefined;
  let tsAst: TSESTree.Program;
  try {
    tsAst = parse.parse(text, { range: true, loc: true, jsx: /\.[jt]sx$/.test(file) });
  } catch {
    // Unparsable: not followed.
    return null;
  }
  // No tokens or comments: the engine only reads scopes, nodes and text of followed files.
  Object.assign(tsAst, { tokens: [], comments: [] });
  return makeContext(file, text, tsAst, undefined, settings);
}

/** The whole text's location, as a parser with `loc` gives the program: from line 1, column 0 to the end. */
function programLocation(text: string): TSESTree.SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (const lineBreak of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) {
    line++;
    lineStart = lineBreak.index + lineBreak[0].length;
  }
  return { start: { line: 1, column: 0 }, end: { line, column: text.length - lineStart } };
}

const isJavaScriptFile = (file: string): boolean => /\.[cm]?jsx?$/.test(file);

/** ESLint's JavaScript parser, scope analyser and visitor keys, as ESLint itself loads them. */
interface JavaScriptTools {
  espree: {
    latestEcmaVersion: number;
    parse(text: string, options: Record<string, unknown>): TSESTree.Program;
  };
  scope: { analyze(ast: TSESTree.Program, options: Record<string, unknown>): unknown };
  keys: { KEYS: Record<string, readonly string[]>; getKeys(node: object): readonly string[] };
}

let javascript: JavaScriptTools | null | undefined;

/**
 * espree, eslint-scope and eslint-visitor-keys from the ESLint that is running (it has loaded them
 * already), or `undefined` when they cannot be found: then JavaScript files are parsed like
 * TypeScript files.
 */
function javascriptTools(): JavaScriptTools | undefined {
  if (javascript !== undefined) return javascript ?? undefined;
  try {
    const paths = [path.dirname(require.resolve('eslint'))];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- ESLint's own copies, resolved from ESLint
    const load = (id: string): unknown => require(require.resolve(id, { paths }));
    javascript = {
      espree: load('espree') as JavaScriptTools['espree'],
      scope: load('eslint-scope') as JavaScriptTools['scope'],
      keys: load('eslint-visitor-keys') as JavaScriptTools['keys'],
    };
  } catch {
    javascript = null;
  }
  return javascript ?? undefined;
}

/**
 * A JavaScript file as a module, else as a CommonJS script (sloppy mode, top-level `return`), like
 * the TypeScript parser reads either; `undefined` when espree reads it as neither.
 */
function parseJavaScript(tools: JavaScriptTools, file: string, text: string): TSESTree.Program | undefined {
  for (const sourceType of ['module', 'script']) {
    try {
      return tools.espree.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        range: true,
        ecmaFeatures: { jsx: file.endsWith('x'), globalReturn: sourceType === 'script' },
      });
    } catch {
      // the next way, or the TypeScript parser
    }
  }
  return undefined;
}

/**
 * Whether a file's functions could matter to a caller: they may start something, or take a
 * signal (a parameter judged by its use there: `function next(it, signal) { signal.aborted }`).
 */
function worthFollowing(text: string, settings: AnalysisContext['settings']): boolean {
  return mayLeadToStarts(text, settings) || /signal/i.test(text);
}

/** A name as a regular expression, escaped: `$name`, and `*` for a whole-module import. */
function namePattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text could export a function by that name: `function name`, `name = (…) =>`, `export { name }`, `export default`. */
function mayDefineFunction(text: string, name: string): boolean {
  // A whole CommonJS module is its `module.exports`, which is also what a default import of it gives.
  if (name === '*') return /\bmodule\.exports\s*=/.test(text);
  if (name === 'default') return text.includes('export default') || /\bmodule\.exports\s*=/.test(text);
  const escaped = namePattern(name);
  return new RegExp(`function\\s*\\*?\\s*${escaped}\\b|\\b${escaped}\\s*=\\s*(?:async\\s*)?(?:function|\\(|[\\w$]+\\s*=>)|export\\s*\\{[^}]*\\b${escaped}\\b`).test(text);
}

/** Whether the text could make that name once with `new`: `const bus = new EventEmitter()`. */
function mayDefineSingleton(text: string, name: string): boolean {
  return new RegExp(`\\b${namePattern(name)}\\s*=\\s*new\\s`).test(text);
}

/**
 * Whether the text could declare a class by that name: `class Client {`, `const Client = class`,
 * `export { Base as Client }`. A default or whole-module export may be any class of the file.
 */
function mayDefineClass(text: string, name: string): boolean {
  const named = name === 'default' || name === '*' ? /\bclass\b/ : new RegExp(`\\bclass\\s+${namePattern(name)}\\b|\\b${namePattern(name)}\\s*=\\s*class\\b|\\bas\\s+${namePattern(name)}\\b`);
  return named.test(text) || mayDefineFunctionClass(text);
}

/**
 * Whether a class of the text could inherit a kind, in the ways objectKind.ts reads: `extends`,
 * `util.inherits(Pool, EventEmitter)` or another mixin call, `__extends`, `Object.setPrototypeOf`,
 * `Pool.prototype = Object.create(…)`, `Pool.prototype.__proto__ = …`.
 */
function mayInherit(text: string): boolean {
  return /\bextends\b|__extends\s*\(|\binherits\s*\(|\bsetPrototypeOf\s*\(|\.prototype(?:\.__proto__)?\s*=[^=]/.test(text);
}

/** An ES5 class: a method put on a prototype (`Poller.prototype.stop = function`). */
function mayDefineFunctionClass(text: string): boolean {
  return /\.prototype\.[\w$]+\s*=\s*function\b/.test(text);
}

/**
 * A method that may end what an instance holds (a lifecycle teardown, a connection's end) defined
 * or called, `close(` or `'close'](`, put on a prototype (`Foo.prototype.close = function`), or a
 * class that extends another: an instance holds something only when its class, in its own file,
 * has such a method (classResource.ts) or extends a class that opens a connection. (`T extends U`
 * in a type does not count: only after `class`.)
 */
const resourceEnds = [...new Set([...teardownMethods, ...handleEnds.connection.methods])].map(namePattern).join('|');
const resourceHints = new RegExp(
  `\\bclass\\b[^{;]*\\bextends\\b|\\b(?:${resourceEnds})\\b['"]?\\]?\\s*(?:<[^>(]*>\\s*)?\\(|\\.prototype\\.(?:${resourceEnds})\\s*=\\s*function\\b`,
);

/**
 * Whether instances of a class of the text could hold something open: `close() { … }`,
 * `class Pub extends Redis`. Your own `settings.leaks` may name other teardowns: then any class may.
 */
function mayHoldResource(text: string, settings: AnalysisContext['settings']): boolean {
  return settings?.['leaks'] !== undefined || resourceHints.test(text);
}

/** `from './x'`, `require('../x')`, `import('./x')`, `export * from './x'`: each relative module a text names. */
const relativeSpecifiers = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"`])(\.[^'"`\n]*)\1/g;

/** What a file's own text says for the cheap rejection, as plain data per version on disk. */
interface TextFacts {
  stamp: Stamp;
  /** It names a start API itself (startHints.ts `mayStartByItself`, without settings). */
  startsByItself: boolean;
  /** It names an API that opens a connection (startHints.ts `mayConnectByItself`). */
  connects: boolean;
  /** It declares a class that may hold something open ({@link mayHoldResource} without settings): such a class's instance is a connection. */
  holds: boolean;
  /** The relative modules it imports, re-exports or requires: `['./client', '../util']`. */
  specifiers: readonly string[];
}

/** {@link TextFacts} by file, least recently used first, at most {@link maxTextFacts}: a few hundred bytes each. */
const textFacts = new Map<string, TextFacts>();
const maxTextFacts = 4096;
/** How many files {@link mayReachStarts} reads before it stops looking and says yes. */
const maxFilesScanned = 128;

/**
 * The specifiers as strings of their own: V8 makes a match of 13 characters or more a slice that
 * keeps the whole text alive, and these facts outlive the text (4,096 files' sources, not a few
 * hundred bytes each).
 */
function specifiersOf(text: string): string[] {
  return [...text.matchAll(relativeSpecifiers)].map((match) => Buffer.from(match[2] ?? '').toString());
}

function factsOfText(stamp: Stamp, text: string): TextFacts {
  return {
    stamp,
    startsByItself: mayStartByItself(text, undefined),
    connects: mayConnectByItself(text),
    holds: (/\bclass\b/.test(text) || mayDefineFunctionClass(text)) && mayHoldResource(text, undefined),
    specifiers: specifiersOf(text),
  };
}

/** The facts of a file as it is on disk now: kept while its stamp holds, else read again. */
function textFactsOf(file: string): TextFacts | undefined {
  const stamp = stampOf(file);
  const cached = textFacts.get(file);
  if (!stamp) return undefined;
  if (cached && sameStamp(cached.stamp, stamp)) {
    textFacts.delete(file);
    textFacts.set(file, cached);
    return cached;
  }
  const text = readText(file);
  if (text === undefined) return undefined;
  const facts = factsOfText(stamp, text);
  textFacts.delete(file);
  textFacts.set(file, facts);
  if (textFacts.size > maxTextFacts) textFacts.delete(textFacts.keys().next().value as string);
  return facts;
}

/**
 * Whether a file could lead to a start: its text names a start API, or a file it imports from a
 * relative path does, or one that file imports, and so on (the only way the engine follows
 * without types). A sharper {@link mayLeadToStarts}, which says yes for any relative import: a
 * class in `errors.js` importing `./utils.js`, neither naming a start, holds nothing open.
 * Read from the texts on disk, as the engine would read them; with `settings.leaks`, as loose as
 * {@link mayLeadToStarts}, and after {@link maxFilesScanned} files, yes.
 *
 * `import { Redis } from 'ioredis'` → `true`; `import { format } from './format'` with format.ts
 * naming no start and importing nothing → `false`.
 */
function mayReachStarts(file: string, text: string, settings: AnalysisContext['settings']): boolean {
  if (settings?.['leaks'] !== undefined) return mayLeadToStarts(text, settings);
  return reaches(file, text, (_, facts) => facts.startsByItself);
}

/**
 * Whether a file could hand back a connection it opened: its text, or that of a file it imports
 * from a relative path (and so on), names an API that opens one, or declares a class that may hold
 * something open and could reach a start (a `new Client()` of ours is a connection). The check
 * before following a call into a file for a factory (factoryStart.ts) without types: a helper of
 * another file that hands back an interval or watcher is not followed (one of the same file is,
 * and any with types), which keeps untyped lints from parsing every relative import; with
 * `settings.leaks`, as loose as {@link mayLeadToStarts}.
 */
function mayReachConnection(file: string, text: string, settings: AnalysisContext['settings']): boolean {
  if (settings?.['leaks'] !== undefined) return mayLeadToStarts(text, settings);
  return reaches(file, text, (at, facts) => facts.connects || (facts.holds && (facts.startsByItself || reaches(at, undefined, (_, inner) => inner.startsByItself))));
}

/**
 * Whether `file` (with `text`, or as on disk) or a file it reaches through relative imports has
 * facts that `found` accepts; after {@link maxFilesScanned} files, yes.
 */
function reaches(file: string, text: string | undefined, found: (file: string, facts: TextFacts) => boolean): boolean {
  const first = text === undefined ? textFactsOf(file) : factsOfText({ mtimeMs: 0, ctimeMs: 0, size: 0, ino: 0, readAt: 0 }, text);
  if (!first) return false;
  if (found(file, first)) return true;
  const seen = new Set([file]);
  const queue: [string, string][] = first.specifiers.map((specifier) => [file, specifier]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const target = resolveRelativeModule(path.resolve(path.dirname(next[0]), next[1]));
    if (!target || seen.has(target)) continue;
    if (seen.size > maxFilesScanned) return true;
    seen.add(target);
    const facts = textFactsOf(target);
    if (!facts) continue;
    if (found(target, facts)) return true;
    for (const specifier of facts.specifiers) queue.push([target, specifier]);
  }
  return false;
}

/** Whether the text could declare that type: `interface name`, `type name =`. */
function mayDefineType(text: string, name: string): boolean {
  return new RegExp(`\\b(?:interface|type)\\s+${namePattern(name)}\\b`).test(text);
}

/** Whether the text could pass that name on from another file: `export { name } from './x'`, `export * from './x'`. */
function mayReexport(text: string, name: string): boolean {
  const escaped = namePattern(name);
  return new RegExp(`export\\s*\\*\\s*from|export\\s*\\{[^}]*\\b${escaped}\\b[^}]*\\}\\s*from`).test(text);
}

const moduleExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/** The file a relative module path names, as Node and TypeScript resolve it: `/app/src/client` → `/app/src/client.ts`. */
export function resolveRelativeModule(base: string): string | undefined {
  return onceThisLint(modulesThisLint, base, resolveOnDisk);
}

function resolveOnDisk(base: string): string | undefined {
  const withoutJs = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...moduleExtensions.map((extension) => withoutJs + extension),
    ...moduleExtensions.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => {
    try {
      // Most candidates do not exist: no error built for those (a thrown error costs its stack).
      return fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  });
}

function makeContext(
  filename: string,
  text: string,
  ast: TSESTree.Program,
  parserServices: object | undefined,
  settings: AnalysisContext['settings'],
  scopeManagerOfAst?: TSESLint.Scope.ScopeManager,
  keys: Readonly<Record<string, readonly string[] | undefined>> = visitorKeys,
): AnalysisContext {
  // Rules rely on `parent`; the linter sets it for linted files, we set it here.
  setParents(ast, keys);
  const scopes =
    scopeManagerOfAst ??
    (parserServices ? scopeManager().analyze(ast, { sourceType: 'module', lib: ['esnext'] }) : lazyScopes(() => scopeManager().analyze(ast, { sourceType: 'module', lib: ['esnext'] })));
  // ESLint's own class (what `TSESLint.SourceCode` extends): the linter has loaded it already, while
  // `@typescript-eslint/utils`' `TSESLint` would load `@typescript-eslint/scope-manager`.
  const config = {
    text,
    ast: ast as TSESLint.SourceCode.Program,
    ...(parserServices && { parserServices }),
    scopeManager: scopes,
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  } as TSESLint.SourceCode.SourceCodeConfig;
  const sourceCode = new SourceCode(config as unknown as ConstructorParameters<typeof SourceCode>[0]) as unknown as TSESLint.SourceCode;
  return { sourceCode, filename, ...(settings && { settings }) };
}

/**
 * A scope manager analysed on first use: a followed file whose answer comes from its syntax alone
 * (no exported class by that name, a class with no teardown) never pays for its scope analysis,
 * which costs about twice its parse. ESLint's `SourceCode` is frozen, so the manager stands in
 * for the real one, whose methods it hands out bound to it:
 * `lazyScopes(() => analyze(ast)).acquire(fn)` analyses the file, then acquires.
 */
function lazyScopes(analyze: () => TSESLint.Scope.ScopeManager): TSESLint.Scope.ScopeManager {
  let real: TSESLint.Scope.ScopeManager | undefined;
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy({} as TSESLint.Scope.ScopeManager, {
    get(_, key) {
      real ??= analyze();
      const value: unknown = Reflect.get(real, key, real);
      if (typeof value !== 'function') return value;
      let method = bound.get(key);
      if (method === undefined) bound.set(key, (method = (value as (...args: unknown[]) => unknown).bind(real)));
      return method;
    },
  });
}

/**
 * Sets `parent` on every node below `ast`, along the parser's visitor keys as the linter does for
 * linted files (a node type without keys: along every property, as `walk` goes). The order does not
 * matter here, so this skips `walk`'s visit of every property of every node.
 */
function setParents(ast: TSESTree.Program, keysOf: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: TSESTree.Node[] = [ast];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const record = node as unknown as Record<string, unknown>;
    for (const key of keysOf[node.type] ?? Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const child = record[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (isNodeLike(item)) {
            item.parent = node;
            stack.push(item);
          }
        }
      } else if (isNodeLike(child)) {
        child.parent = node;
        stack.push(child);
      }
    }
  }
}

function isNodeLike(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
