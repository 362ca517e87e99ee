import type { BuiltinObjectKind, CustomObjectKind, ObjectApi, ObjectKind } from './apis';
import { objectApis, startMethodNames, teardownMethods } from './apis';
import type { AnalysisContext } from './fileCache';
import { declarationMatches, importMatches, leaksSettings, sourceMatches } from './settings';

/** What starts and ends things on an object of this kind: built in, or from `settings.leaks.subscriptions`. */
export function objectApiOf(context: AnalysisContext, kind: ObjectKind): ObjectApi | undefined {
  if (kind.startsWith('custom:')) return leaksSettings(context).subscriptions[Number(kind.slice('custom:'.length))]?.api;
  return objectApis[kind as BuiltinObjectKind];
}

/** The rules' cheap pre-filter: could a method of this name start something on some object? */
export function isStartMethodName(context: AnalysisContext, method: string): boolean {
  return startMethodNames.has(method) || isCustomStartMethod(context, method);
}

/** Whether an API named in `settings.leaks.subscriptions` starts something with a method of this name. */
export function isCustomStartMethod(context: AnalysisContext, method: string): boolean {
  return leaksSettings(context).subscriptions.some((subscription) => method in subscription.api.starts);
}

/** `import { Bus } from 'my-bus'` where settings name `my-bus`'s `Bus`: its custom kind. */
export function customKindOfImport(context: AnalysisContext, source: string, name: string): CustomObjectKind | undefined {
  const index = leaksSettings(context).subscriptions.findIndex((subscription) =>
    importMatches(context.filename, source, name, subscription.specifier),
  );
  return index === -1 ? undefined : `custom:${index}`;
}

/** A type declared as `name` in the package or file that settings name: its custom kind. */
export function customKindOfDeclaration(context: AnalysisContext, fileName: string, name: string): CustomObjectKind | undefined {
  const index = leaksSettings(context).subscriptions.findIndex(
    (subscription) => subscription.specifier.name === name && declarationMatches(fileName, subscription.specifier),
  );
  return index === -1 ? undefined : `custom:${index}`;
}

/** Whether settings name any singleton (`instances`): only then are imports worth asking. */
export function hasCustomInstances(context: AnalysisContext): boolean {
  return leaksSettings(context).subscriptions.some((subscription) => subscription.instances.length > 0);
}

/** `import { bus } from './bus'` where settings say `./bus` exports `bus` as an object of their API: its custom kind. */
export function customKindOfInstance(context: AnalysisContext, source: string, name: string): CustomObjectKind | undefined {
  const index = leaksSettings(context).subscriptions.findIndex(
    (subscription) => subscription.instances.includes(name) && sourceMatches(context.filename, source, subscription.specifier),
  );
  return index === -1 ? undefined : `custom:${index}`;
}

/** Methods that end a class's life: the families' (`stop`, `ngOnDestroy`, …), then those `settings.leaks.teardownMethods` adds. */
export function teardownMethodsOf(context: AnalysisContext): readonly string[] {
  const added = leaksSettings(context).teardownMethods;
  return added.length === 0 ? [...teardownMethods] : [...new Set([...teardownMethods, ...added])];
}
