import * as path from 'node:path';

import type { ObjectApi, RepeatedCallback } from './apis';
import type { AnalysisContext } from './fileCache';

/**
 * Names one export precisely, the way typescript-eslint's `TypeOrValueSpecifier` does:
 * `{ from: 'package', package: 'my-bus', name: 'Bus' }` or `{ from: 'file', path: 'src/bus.ts', name: 'Bus' }`.
 */
export type ExportSpecifier = { from: 'package'; package: string; name: string } | { from: 'file'; path: string; name: string };

/** A subscription API of your own: objects made by or typed as `specifier`, started and ended by these methods. */
export interface CustomSubscription {
  specifier: ExportSpecifier;
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
}

const empty: LeaksSettings = { subscriptions: [], schedulers: [] };
const parsed = new WeakMap<object, LeaksSettings>();

/**
 * `settings.leaks` of the lint configuration, validated once per configuration. Invalid settings
 * throw an error that names the bad key, so a typo does not silently turn the extension off:
 *
 * ```js
 * settings: { leaks: {
 *   subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['listen'], unsubscribe: ['unlisten'] }],
 *   schedulers: [{ from: 'package', package: 'my-jobs', name: 'every', callback: 1, unit: 'run' }],
 * } }
 * ```
 */
export function leaksSettings(context: AnalysisContext): LeaksSettings {
  const raw = context.settings?.['leaks'];
  if (raw === undefined) return empty;
  if (typeof raw !== 'object' || raw === null) fail('settings.leaks', 'must be an object');
  const cached = parsed.get(raw);
  if (cached) return cached;
  const result = parseSettings(raw as Record<string, unknown>);
  parsed.set(raw, result);
  return result;
}

function fail(where: string, problem: string): never {
  throw new Error(`eslint-plugin-leaks: ${where} ${problem}. See docs/settings.md.`);
}

function parseSettings(raw: Record<string, unknown>): LeaksSettings {
  for (const key of Object.keys(raw)) {
    if (key !== 'subscriptions' && key !== 'schedulers') fail(`settings.leaks.${key}`, 'is not a known setting (subscriptions, schedulers)');
  }
  return {
    subscriptions: list(raw['subscriptions'], 'settings.leaks.subscriptions').map((entry, index) =>
      parseSubscription(entry, `settings.leaks.subscriptions[${index}]`),
    ),
    schedulers: list(raw['schedulers'], 'settings.leaks.schedulers').map((entry, index) =>
      parseScheduler(entry, `settings.leaks.schedulers[${index}]`),
    ),
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

function parseSpecifier(entry: Record<string, unknown>, where: string, allowed: readonly string[]): ExportSpecifier {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) fail(`${where}.${key}`, `is not a known key (${allowed.join(', ')})`);
  }
  const name = text(entry['name'], `${where}.name`);
  if (entry['from'] === 'package') return { from: 'package', package: text(entry['package'], `${where}.package`), name };
  if (entry['from'] === 'file') return { from: 'file', path: text(entry['path'], `${where}.path`), name };
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

const subscriptionKeys = ['from', 'package', 'path', 'name', 'subscribe', 'unsubscribe', 'label'];

function parseSubscription(entry: Record<string, unknown>, where: string): CustomSubscription {
  const specifier = parseSpecifier(entry, where, subscriptionKeys);
  const subscribe = names(entry['subscribe'], `${where}.subscribe`);
  const unsubscribe = names(entry['unsubscribe'], `${where}.unsubscribe`);
  const label = entry['label'] === undefined ? specifier.name : text(entry['label'], `${where}.label`);
  return {
    specifier,
    api: {
      label,
      starts: Object.fromEntries(subscribe.map((method) => [method, { kind: 'customSubscription' as const }])),
      removeListener: [],
      endSubscription: unsubscribe,
      close: [],
    },
  };
}

const schedulerKeys = ['from', 'package', 'path', 'name', 'callback', 'every', 'unit'];

function parseScheduler(entry: Record<string, unknown>, where: string): CustomScheduler {
  const specifier = parseSpecifier(entry, where, schedulerKeys);
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
 * names: the package by name, or a file by its path from the working directory.
 */
export function importMatches(fromFile: string, source: string, name: string, specifier: ExportSpecifier): boolean {
  if (name !== specifier.name) return false;
  if (specifier.from === 'package') return source.replace(/^node:/, '') === specifier.package;
  if (!source.startsWith('.')) return false;
  return withoutExtension(path.resolve(path.dirname(fromFile), source)) === withoutExtension(path.resolve(specifier.path));
}

/** Whether a declaration's file is where `specifier` points: inside the package, or that file. */
export function declarationMatches(fileName: string, specifier: ExportSpecifier): boolean {
  if (specifier.from === 'package') return fileName.includes(`/node_modules/${specifier.package}/`);
  return withoutExtension(path.resolve(fileName)) === withoutExtension(path.resolve(specifier.path));
}

function withoutExtension(file: string): string {
  return file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
}
