import * as path from 'node:path';

import type { HandleEnd, ObjectApi, RepeatedCallback } from './apis';
import type { AnalysisContext } from './fileCache';

/**
 * Names one export precisely, the way typescript-eslint's `TypeOrValueSpecifier` does:
 * `{ from: 'package', package: 'my-bus', name: 'Bus' }` or `{ from: 'file', path: 'src/bus.ts', name: 'Bus' }`
 * (a file's `path` is absolute once read: resolved from ESLint's working directory).
 */
export type ExportSpecifier = { from: 'package'; package: string; name: string } | { from: 'file'; path: string; name: string };

/** A subscription API of your own: objects made by or typed as `specifier`, started and ended by these methods. */
export interface CustomSubscription {
  specifier: ExportSpecifier;
  /** Exports of the same module that are themselves such objects: `export const bus = new Bus()`. */
  instances: readonly string[];
  api: ObjectApi;
}

/** A scheduler of your own: calls of `specifier` run the callback at `callback` again and again. */
export interface CustomScheduler {
  specifier: ExportSpecifier;
  repeats: RepeatedCallback;
}

export interface LeaksSettings {
  subscriptions: readonly CustomSubscription[];
  schedulers: readonly CustomScheduler[];
  /** Methods that end a class's life, besides the built-in `stop`, `close`, `dispose`, …: `release`. */
  teardownMethods: readonly string[];
}

/** Settings as read for one working directory, or the first problem found in them. */
interface Parsed {
  settings: LeaksSettings;
  problem?: string;
}

const empty: Parsed = { settings: { subscriptions: [], schedulers: [], teardownMethods: [] } };
/** Per settings object: parsed per working directory (file paths resolve from it), and the last one used. */
const parsed = new WeakMap<object, { byCwd: Map<string, Parsed>; lastCwd: string }>();

/**
 * `settings.leaks` of the lint configuration, validated once per configuration and working
 * directory. `{ from: 'file', path }` resolves from ESLint's `cwd` (`context.cwd`), like the
 * configuration's own globs. Invalid settings give no extension (see `settingsProblem`):
 *
 * ```js
 * settings: { leaks: {
 *   subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['listen'], unsubscribe: ['unlisten'] }],
 *   schedulers: [{ from: 'package', package: 'my-jobs', name: 'every', callback: 1, unit: 'run' }],
 * } }
 * ```
 */
export function leaksSettings(context: AnalysisContext): LeaksSettings {
  return parseOnce(context).settings;
}

/**
 * What is wrong with `settings.leaks`, naming the key, for the rules to report:
 * `{ subscription: [] }` → `settings.leaks.subscription is not a known setting (…)`.
 */
export function settingsProblem(context: AnalysisContext): string | undefined {
  return parseOnce(context).problem;
}

function parseOnce(context: AnalysisContext): Parsed {
  const raw = context.settings?.['leaks'];
  if (raw === undefined) return empty;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...empty, problem: 'settings.leaks must be an object' };
  const entry = parsed.get(raw) ?? { byCwd: new Map<string, Parsed>(), lastCwd: process.cwd() };
  parsed.set(raw, entry);
  // Contexts the engine builds for other files carry no cwd: they follow the rule that made them.
  const cwd = context.cwd ?? entry.lastCwd;
  entry.lastCwd = cwd;
  let result = entry.byCwd.get(cwd);
  if (!result) {
    try {
      result = { settings: parseSettings(raw as Record<string, unknown>, cwd) };
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      result = { ...empty, problem: error.message };
    }
    entry.byCwd.set(cwd, result);
  }
  return result;
}

class SettingsError extends Error {}

function fail(where: string, problem: string): never {
  throw new SettingsError(`${where} ${problem}`);
}

const settingKeys = ['subscriptions', 'schedulers', 'teardownMethods'];

function parseSettings(raw: Record<string, unknown>, cwd: string): LeaksSettings {
  for (const key of Object.keys(raw)) {
    if (!settingKeys.includes(key)) fail(`settings.leaks.${key}`, `is not a known setting (${settingKeys.join(', ')})`);
  }
  return {
    subscriptions: list(raw['subscriptions'], 'settings.leaks.subscriptions').map((entry, index) =>
      parseSubscription(entry, `settings.leaks.subscriptions[${index}]`, cwd),
    ),
    schedulers: list(raw['schedulers'], 'settings.leaks.schedulers').map((entry, index) =>
      parseScheduler(entry, `settings.leaks.schedulers[${index}]`, cwd),
    ),
    teardownMethods: raw['teardownMethods'] === undefined ? [] : names(raw['teardownMethods'], 'settings.leaks.teardownMethods'),
  };
}

function list(value: unknown, where: string): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, 'must be an array');
  return value.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(`${where}[${index}]`, 'must be an object');
    return entry as Record<string, unknown>;
  });
}

function parseSpecifier(entry: Record<string, unknown>, where: string, allowed: readonly string[], cwd: string): ExportSpecifier {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) fail(`${where}.${key}`, `is not a known key (${allowed.join(', ')})`);
  }
  const name = text(entry['name'], `${where}.name`);
  if (entry['from'] === 'package') return { from: 'package', package: text(entry['package'], `${where}.package`), name };
  if (entry['from'] === 'file') return { from: 'file', path: path.resolve(cwd, text(entry['path'], `${where}.path`)), name };
  return fail(`${where}.from`, "must be 'package' or 'file'");
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(where, 'must be a non-empty string');
  return value;
}

function names(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, 'must be a non-empty array of method names');
  return value.map((item, index) => text(item, `${where}[${index}]`));
}

const subscriptionKeys = ['from', 'package', 'path', 'name', 'instances', 'subscribe', 'unsubscribe', 'returns', 'label'];

function parseSubscription(entry: Record<string, unknown>, where: string, cwd: string): CustomSubscription {
  const specifier = parseSpecifier(entry, where, subscriptionKeys, cwd);
  const subscribe = names(entry['subscribe'], `${where}.subscribe`);
  const ends = parseReturns(entry['returns'], `${where}.returns`);
  // A subscription that hands back its own end needs no unsubscribe method.
  const unsubscribe = ends && entry['unsubscribe'] === undefined ? [] : names(entry['unsubscribe'], `${where}.unsubscribe`);
  const label = entry['label'] === undefined ? specifier.name : text(entry['label'], `${where}.label`);
  const instances = entry['instances'] === undefined ? [] : names(entry['instances'], `${where}.instances`);
  const start = { kind: 'customSubscription' as const, label: `a ${label} subscription`, ...(ends && { ends }) };
  return {
    specifier,
    instances,
    api: {
      label,
      starts: Object.fromEntries(subscribe.map((method) => [method, start])),
      removeListener: [],
      endSubscription: unsubscribe,
      close: [],
    },
  };
}

/**
 * What a subscribe call hands back to end it: `'disposer'` (a function: `off()`) or
 * `{ end: ['unsubscribe'] }` (a handle with these methods; fixes call the first).
 */
function parseReturns(value: unknown, where: string): HandleEnd | undefined {
  if (value === undefined) return undefined;
  if (value === 'disposer') return { methods: [], functions: [], fix: { kind: 'call', name: '', returnsPromise: false } };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, "must be 'disposer' or { end: [method, …] }");
  for (const key of Object.keys(value)) if (key !== 'end') fail(`${where}.${key}`, 'is not a known key (end)');
  const methods = names((value as { end?: unknown }).end, `${where}.end`);
  return { methods, functions: [], fix: { kind: 'method', name: methods[0] as string, returnsPromise: false } };
}

const schedulerKeys = ['from', 'package', 'path', 'name', 'callback', 'every', 'unit'];

function parseScheduler(entry: Record<string, unknown>, where: string, cwd: string): CustomScheduler {
  const specifier = parseSpecifier(entry, where, schedulerKeys, cwd);
  const callback = entry['callback'];
  if (!(callback === 'last' || (typeof callback === 'number' && Number.isInteger(callback) && callback >= 0))) {
    fail(`${where}.callback`, "must be an argument index (0, 1, …) or 'last'");
  }
  const unit = entry['unit'] === undefined ? 'run' : text(entry['unit'], `${where}.unit`);
  const every = entry['every'] === undefined ? `on every ${unit} of \`${specifier.name}\`` : text(entry['every'], `${where}.every`);
  return { specifier, repeats: { repetition: { every, unit }, positions: [callback] } };
}

/**
 * Whether an import (`source` as written in the file, the export `name`) is what `specifier`
 * names: the package by name, or a file by its path (resolved from the working directory).
 */
export function importMatches(fromFile: string, source: string, name: string, specifier: ExportSpecifier): boolean {
  return name === specifier.name && sourceMatches(fromFile, source, specifier);
}

/** Whether an import source (`'my-bus'`, `'./bus'`) is the package or file `specifier` names. */
export function sourceMatches(fromFile: string, source: string, specifier: ExportSpecifier): boolean {
  if (specifier.from === 'package') return source.replace(/^node:/, '') === specifier.package;
  if (!source.startsWith('.')) return false;
  return withoutExtension(path.resolve(path.dirname(fromFile), source)) === withoutExtension(specifier.path);
}

/** Whether a declaration's file is where `specifier` points: inside the package, or that file. */
export function declarationMatches(fileName: string, specifier: ExportSpecifier): boolean {
  if (specifier.from === 'package') return fileName.includes(`/node_modules/${specifier.package}/`);
  return withoutExtension(path.resolve(fileName)) === withoutExtension(specifier.path);
}

function withoutExtension(file: string): string {
  return file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
}
