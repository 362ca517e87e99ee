import { globalStarts, moduleObjects, moduleStarts, objectApis, startMethodNames } from './apis';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { typeServices } from './typeServices';

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Modules whose exports start something or make an object on which something can start. */
const startModules = [
  ...Object.keys(moduleStarts),
  ...Object.entries(moduleObjects)
    .filter(([, exports]) => Object.values(exports).some((kind) => Object.keys(objectApis[kind as keyof typeof objectApis]?.starts ?? {}).length > 0))
    .map(([module]) => module),
];

/**
 * Global starts worth following a file for: not `setTimeout`, a start only when it re-arms the
 * function it is in, which nearly every file calls once; a followed file's class or function
 * holding a re-arming timer is reached through its relative imports or its other starts.
 */
const followedGlobalStarts = Object.entries(globalStarts)
  .filter(([, start]) => !start.onlyRearming)
  .map(([name]) => name);

/**
 * A start method called on anything, a start module named in an import or `require`, or a global
 * start called: all derived from the family descriptors.
 */
const startApiHints = new RegExp(
  [
    `\\.(?:${[...startMethodNames].map(escape).join('|')})\\s*\\(`,
    `['"](?:node:)?(?:${[...new Set(startModules)].map(escape).join('|')})['"]`,
    `\\b(?:${followedGlobalStarts.map(escape).join('|')})\\s*\\(`,
  ].join('|'),
);

/** `while (this.running)`, `while (!this.stopped)`: a loop a class of ours may run until its teardown clears the flag (classResource.ts). */
const flagLoopHints = /\bwhile\s*\(\s*!?\s*this\.[\w$#]+\s*\)/;

/** `from './x'`, `require('../x')`, `import('./x')`: a relative import, by which a start may come from another file. */
const relativeImportHints = /from\s+['"]\.|require\(\s*['"]\.|import\(\s*['"]\./;

/**
 * Whether a file's functions could start something, or call another file that does: a cheap look
 * at its text before parsing it. A file with no start API, no tracked module and no relative
 * import cannot lead to a start.
 *
 * `import { watch } from 'node:fs'; watch(dir, onChange)` → `true`; `export const two = 1 + 1` → `false`.
 */
export function mayLeadToStarts(text: string, settings: AnalysisContext['settings']): boolean {
  return mayStartByItself(text, settings) || relativeImportHints.test(text);
}

/**
 * Whether a file's own text names a start API (a start method called, a start module, a global
 * start, one of your own subscribe methods in `settings.leaks`): {@link mayLeadToStarts} without
 * the starts another file may bring. `timer.unref(); setInterval(tick, 10)` → `true`;
 * `import { tick } from './tick'` → `false`.
 */
export function mayStartByItself(text: string, settings: AnalysisContext['settings']): boolean {
  if (startApiHints.test(text) || flagLoopHints.test(text)) return true;
  // Your own APIs from settings.leaks count too (checked by name, cheaply).
  const leaks = settings?.['leaks'] as { subscriptions?: { subscribe?: unknown }[] } | undefined;
  return (leaks?.subscriptions ?? []).some(
    (subscription) =>
      Array.isArray(subscription.subscribe) &&
      subscription.subscribe.some((method) => typeof method === 'string' && text.includes(`.${method}(`)),
  );
}

/**
 * A global start that runs on only when it re-arms itself (`setTimeout`), called as a global, with
 * a test for one of its ends called as one too (`clearTimeout`).
 */
const rearmingHints = Object.entries(globalStarts).flatMap(([name, start]) =>
  start.onlyRearming && start.ends
    ? [{ start: new RegExp(`(?<![.\\w$])${escape(name)}\\s*\\(`, 'g'), end: new RegExp(`(?<![.\\w$])(?:${start.ends.functions.map(escape).join('|')})\\s*\\(`) }]
    : [],
);

/** A function or method header on a line of its own: `  startTimer() {`, `private async renew(): Promise<void> {`, `Foo.prototype.poll = function () {`. */
const functionHeaders = /^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*(?:function\s*\*?\s*)?([A-Za-z_$#][\w$.]*)\s*(?:=\s*(?:async\s+)?function\b[^(\n]*)?\([^()\n]*\)\s*(?::[^{;=\n]+)?\{/gm;
/** Statements that read like a header to {@link functionHeaders}. */
const notFunctions = /^(?:if|for|while|switch|catch|with|return|function|constructor)$/;

/**
 * Whether a file's text may hold a self-re-arming timer that it also clears: a global `setTimeout(`
 * whose text, up to the next function header, calls or passes the function it is written in, and a
 * global `clearTimeout(` somewhere. Not a start by itself ({@link mayStartByItself} leaves one-shot
 * timers out: nearly every file calls one), but a class whose own file arms such a timer may keep
 * it running until its teardown (classResource.ts). Looser than rearmingTimer.ts, never stricter.
 *
 * `renew() { this.timer = setTimeout(() => this.renew(), ms); } close() { clearTimeout(this.timer); }` → `true`.
 */
export function mayRearmAndClear(text: string): boolean {
  const hints = rearmingHints.filter((hint) => hint.end.test(text));
  if (hints.length === 0) return false;
  const headers = [...text.matchAll(functionHeaders)].filter((header) => !notFunctions.test(header[1] ?? ''));
  return hints.some((hint) =>
    [...text.matchAll(hint.start)].some((timer) => {
      const index = headers.findIndex((header) => header.index > timer.index);
      const around = headers[(index === -1 ? headers.length : index) - 1];
      const name = around?.[1]?.split('.').at(-1)?.replace(/^#/, '');
      if (!name) return false;
      const body = text.slice(timer.index, index === -1 ? undefined : headers[index]?.index);
      return new RegExp(`(?:[^\\w$.#]|\\.#?)${escape(name)}\\s*[(,)]`).test(body);
    }),
  );
}

const isConnection = (start: { kind: string }): boolean => start.kind === 'connection';

/**
 * A connection start named: a method that opens one on a known object (`pool.connect(`,
 * `kafka.consumer(`), a module whose exports open one or make an object that does, a global
 * that opens one (`new WebSocket(`). What a factory of another file must name to hand one back.
 */
const connectionHints = new RegExp(
  [
    `\\.(?:${[...new Set(Object.values(objectApis).flatMap((api) => Object.entries(api.starts).filter(([, start]) => isConnection(start)).map(([method]) => method)))].map(escape).join('|')})\\s*\\(`,
    `['"](?:node:)?(?:${[
      ...new Set([
        ...Object.entries(moduleStarts)
          .filter(([, exports]) => Object.values(exports).some(isConnection))
          .map(([module]) => module),
        ...Object.entries(moduleObjects)
          .filter(([, exports]) => Object.values(exports).some((kind) => Object.values(objectApis[kind as keyof typeof objectApis]?.starts ?? {}).some(isConnection)))
          .map(([module]) => module),
      ]),
    ]
      .map(escape)
      .join('|')})['"]`,
    `\\b(?:${Object.entries(globalStarts).filter(([, start]) => isConnection(start)).map(([name]) => escape(name)).join('|')})\\b`,
  ].join('|'),
);

/**
 * Whether a file's own text names an API that opens a connection (a client, a socket, a server, a
 * worker): a cheap look before following a call into it for a factory that hands one back.
 * `return new Redis(url)` with `import Redis from 'ioredis'` → `true`; `return setInterval(f, 10)` → `false`.
 */
export function mayConnectByItself(text: string): boolean {
  return connectionHints.test(text);
}

/**
 * Anything in a file's own text that could be a start the engine finds: a start method name after
 * `.` or `[` (any spacing, quoted or not), a module whose exports start something in quotes, or a
 * global start named anywhere. Looser than what the engine matches, so it never rejects a start.
 */
const ownStartHints = new RegExp(
  [
    `[.[]\\s*['"\`]?(?:${[...startMethodNames].map(escape).join('|')})\\b`,
    `['"\`](?:node:)?(?:${Object.keys(moduleStarts).map(escape).join('|')})['"\`]`,
    `\\b(?:${Object.keys(globalStarts).map(escape).join('|')})\\b`,
  ].join('|'),
);

/**
 * Whether the linted file itself could start anything, read from its text once per file: a rule
 * that only judges starts in the file returns no listeners when it cannot (78 % of the
 * benchmark's library files, 56 % of its application files). With APIs of your own in `settings.leaks`, every file may.
 *
 * `emitter.on('data', f)` → `true`; `import { watch } from 'node:fs'` → `true`;
 * `export const two = 1 + 1` → `false`. A start handed back by a helper of another file
 * (`const c = connectTo(h)`, see factoryStart.ts) is seen only in a file that names a start too;
 * a `new` in a file with a relative import may make an instance of a class of ours that holds one.
 */
export const mayStartInFile = perFile((context: AnalysisContext): boolean => {
  const leaks = context.settings?.['leaks'] as { subscriptions?: unknown[] } | undefined;
  if (leaks !== undefined) return true;
  const { text } = context.sourceCode;
  // `new Client(url)` of a class another file of ours writes, which may hold a socket open (classResource.ts).
  return ownStartHints.test(text) || flagLoopHints.test(text) || (relativeImportHint.test(text) && /\bnew\s/.test(text));
});

/** `from './x'`, `require('../x')`, `import('./x')`: an import the engine may follow (untyped, only relative ones). */
const relativeImportHint = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"`]\./;

/**
 * Whether a call in the linted file could lead to a start, read from its text once per file: the
 * file could start something itself (`mayStartInFile`), or it imports a file of its own that the
 * engine may follow. Without types nothing else can be resolved, so a file with neither cannot
 * call a function that starts anything; with types the checker resolves calls anywhere, so
 * every file may.
 *
 * `import { poll } from './poll'` → `true`; `const sum = (xs) => xs.reduce(add, 0)` → `false`.
 */
export const mayReachStartInFile = perFile((context: AnalysisContext): boolean => {
  if (mayStartInFile(context) || relativeImportHint.test(context.sourceCode.text)) return true;
  return typeServices(context) !== undefined;
});

/**
 * Whether the linted file could hold a loop that waits forever, read from its text once per file:
 * an endless loop or spinning `catch` is only judged when something in it awaits (`await`,
 * `for await`, `yield` in a compiler's `__awaiter`), so a file without both a loop keyword and one
 * of these has none.
 *
 * `while (true) { await poll() }` → `true`; `for (const x of xs) total += x` → `false`.
 */
export const mayAwaitInLoopInFile = perFile(
  (context: AnalysisContext): boolean =>
    /\bawait\b|\b(?:__awaiter|__async|_?asyncToGenerator|_async_to_generator)\b/.test(context.sourceCode.text) && /\b(?:while|for)\b/.test(context.sourceCode.text),
);
