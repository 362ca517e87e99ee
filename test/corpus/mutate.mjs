// Mutation recall on the corpus (issue 10): real code that ends what it starts is the best
// recall test there is. For each end in a corpus file, one mutant without it, linted alone:
//
//   listener      `x.off(…)`, `removeListener`, `removeEventListener`, `removeAllListeners`
//   timer         `clearInterval(h)`
//   subscription  `unsubscribe`, `punsubscribe`, `sunsubscribe`, `unwatch`, `unwatchFile`, `unobserve`
//   connection    `close`, `quit`, `disconnect`, `destroy`, `terminate` (not on `this` itself)
//   abort         `controller.abort()`
//   unlisten      a query whose text starts with `UNLISTEN`
//   disposer      a returned function of at most three statements, all ends, returned as `() => {}`
//   signal        an AbortSignal handed to a call, left out: `{ signal: x.signal }`, an argument
//                 `x.signal`, or a `…signal` name in a file that uses AbortSignals (a POSIX signal
//                 name is not one; the first argument of `on`/`emit`/`kill` never is)
//   loop-exit     in a loop that awaits, a flag or signal test that leaves it (`while (!stopped)`,
//                 `if (signal.aborted) break`, `signal.throwIfAborted()`), taken away; a flag is a
//                 name the file sets to `true`/`false`, or `aborted`
//
// A statement is deleted (replaced by `;`), an expression by `void 0`; newlines are kept, so a
// finding's line in the mutant is its line in the file. A mutant is *killed at the start* when the
// mutant has a finding the file did not have, located where the thing that lost its end starts:
// on a line that names the same handle (the receiver or handler of the deleted end, `timer` for
// `clearInterval(this.timer)`), inside the loop for a loop exit, on the call for a signal, inside
// the returning function for a disposer, or naming the collection the handle was read out of
// (`const w = this.workers.get(k)`). Killed elsewhere: a new finding, but not there.
//
// Whether the deleted end was the only one is judged from the file's text (a harness heuristic,
// not the engine): `other ends` counts the other ends of the same kind on the same handle in
// the file; `start in file` says whether the file starts something on that handle. Recall is
// stated over the mutants whose deleted end was the only one and whose start is in the file.
// Survivors are sampled into results/mutation.md; test/corpus/survivors.json classifies them by
// hand (keyed by package, file:line and kind), like verdicts.json does for findings.
//
// Usage: node test/corpus/mutate.mjs [--set application|library|fresh|fresh2]... [--package NAME]...
//        [--kind KIND (only mutants of that kind: listener, abort, …; to iterate on one kind)]
//        [--cap N (mutants per package, default 400; 0: no cap)] [--sample N (survivors per kind, default 6)]
// Default: the application set. `npm run corpus:mutate -- --set library,application` builds the
// plugin first and runs both (about 1.5 min of CPU, effect's baseline lint the bulk of it). Not in
// CI. Writes results/mutation.json (every mutant) and results/mutation.md (tables, killed, survivors).
// Exit code 1 when a rule throws on a mutant.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { lintConfig, loadPlugin, repoRoot, requireFromRepo } from './lint.mjs';
import { PACKAGES, corpusDir, corpusModules, ensureInstalled, packageFiles, setOf } from './packages.mjs';

const { Linter } = requireFromRepo('eslint');
const resultsDir = path.join(corpusDir, 'results');
const survivorsFile = path.join(corpusDir, 'survivors.json');

/** Method name -> kind of end. */
const ENDS = new Map([
  ...['off', 'removeListener', 'removeEventListener', 'removeAllListeners'].map((m) => [m, 'listener']),
  ...['unsubscribe', 'punsubscribe', 'sunsubscribe', 'unwatch', 'unwatchFile', 'unobserve'].map((m) => [m, 'subscription']),
  ...['close', 'quit', 'disconnect', 'destroy', 'terminate'].map((m) => [m, 'connection']),
  ['abort', 'abort'],
  ['clearInterval', 'timer'],
]);
const START_CALL = {
  listener: String.raw`\.\s*(?:on|addListener|once|prependListener|prependOnceListener|addEventListener)\s*\(`,
  subscription: String.raw`\.\s*(?:subscribe|psubscribe|ssubscribe|watch|watchFile|observe)\s*\(`,
};
/** Rules that a kind of mutant is expected to wake. */
const RULE_GROUP = {
  listener: 'subscriptions',
  timer: 'subscriptions',
  subscription: 'subscriptions',
  connection: 'subscriptions',
  abort: 'subscriptions',
  unlisten: 'subscriptions',
  disposer: 'subscriptions',
  signal: 'require-signal-propagation',
  'loop-exit': 'no-unbounded-loop',
};
const GROUP_RULES = {
  subscriptions: 'no-leaked-subscription + no-repeated-subscription',
  'require-signal-propagation': 'require-signal-propagation',
  'no-unbounded-loop': 'no-unbounded-loop',
};
const OWNER_WORDS = new Set(['this', 'self', 'that', '_this', '_self', 'me']);

// ---------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv) {
  const options = { sets: [], packages: [], kinds: [], cap: 400, sample: 6 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--set') options.sets.push(...value().split(','));
    else if (flag === '--package') options.packages.push(...value().split(','));
    else if (flag === '--kind') options.kinds.push(...value().split(','));
    else if (flag === '--cap') options.cap = Number(value());
    else if (flag === '--sample') options.sample = Number(value());
    else usage(`unknown argument: ${argv[i]}`);
  }
  if (!Number.isInteger(options.cap) || options.cap < 0) usage('--cap takes a whole number');
  for (const kind of options.kinds) if (!(kind in RULE_GROUP)) usage(`unknown kind: ${kind}`);
  if (options.sets.length === 0 && options.packages.length === 0) options.sets.push('application');
  const names = (p) => [p.name, p.name.split('/').pop()];
  for (const name of options.packages)
    if (!PACKAGES.some((p) => names(p).includes(name))) usage(`unknown package: ${name}`);
  const packages = PACKAGES.filter(
    (p) => options.sets.includes(setOf(p)) || options.packages.some((name) => names(p).includes(name)),
  );
  return { ...options, packages };
}

function usage(error) {
  console.error(`mutate.mjs: ${error}`);
  console.error('usage: node test/corpus/mutate.mjs [--set application|library|fresh|fresh2]... [--package NAME]... [--kind KIND]... [--cap N] [--sample N]');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Finding the mutation sites: a rule that reports nothing and records sites, run with the
// plugin's rules on the unmutated file (one parse for both).

const unwrap = (node) => (node?.type === 'ChainExpression' ? node.expression : node);
const isFunction = (node) => node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForOfStatement', 'ForInStatement']);

/** An end: `x.off(…)`, `clearInterval(t)`, `await c.quit()`, a loop or `if` of ends, `xs.forEach((x) => x.close())`. */
function isEnd(node) {
  node = unwrap(node);
  if (!node) return false;
  switch (node.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
      return isEnd(node.expression ?? node.argument);
    case 'AwaitExpression':
      return isEnd(node.argument);
    case 'UnaryExpression':
      return node.operator === 'void' && isEnd(node.argument);
    case 'BlockStatement':
      return node.body.length > 0 && node.body.every(isEnd);
    case 'IfStatement':
      return isEnd(node.consequent) && (!node.alternate || isEnd(node.alternate));
    case 'ForStatement':
    case 'ForOfStatement':
    case 'ForInStatement':
      return isEnd(node.body);
    case 'CallExpression': {
      const callee = unwrap(node.callee);
      const name = callee.type === 'Identifier' ? callee.name : !callee.computed ? callee.property?.name : undefined;
      if (ENDS.has(name)) return true;
      const fn = node.arguments[0];
      return (name === 'forEach' || name === 'map') && isFunction(fn) && isEnd(fn.body);
    }
    default:
      return false;
  }
}

/** A test made only of names, `!`, `&&`, `||` and property reads: a flag or `signal.aborted`. */
function isFlagTest(node) {
  node = unwrap(node);
  if (node.type === 'Identifier') return node.name !== 'undefined';
  if (node.type === 'MemberExpression') return !node.computed && isFlagTest(node.object) || node.object.type === 'ThisExpression';
  if (node.type === 'ThisExpression') return true;
  if (node.type === 'UnaryExpression') return node.operator === '!' && isFlagTest(node.argument);
  if (node.type === 'LogicalExpression') return isFlagTest(node.left) && isFlagTest(node.right);
  return false;
}

/** Leaves the loop or the function: `break`, `return`, `throw`, or a block ending in one. */
function exits(statement) {
  if (statement.type === 'BlockStatement') return statement.body.length > 0 && exits(statement.body.at(-1));
  return ['BreakStatement', 'ReturnStatement', 'ThrowStatement'].includes(statement.type);
}

/** The loop whose body holds `node` without a function in between, if any. */
function enclosingLoop(node) {
  for (let at = node.parent; at; at = at.parent) {
    if (isFunction(at) || at.type === 'FunctionDeclaration') return undefined;
    if (LOOPS.has(at.type) && at.body && at.body.range[0] <= node.range[0] && node.range[1] <= at.body.range[1]) return at;
  }
  return undefined;
}

const enclosingFunction = (node) => {
  for (let at = node.parent; at; at = at.parent)
    if (isFunction(at) || at.type === 'FunctionDeclaration') return at;
  return undefined;
};

/** The last name of a handle's text: `timer` for `this.timer`, `conn` for `conn`; none for `this`. */
function handleWord(text) {
  const words = text.match(/[A-Za-z_$][\w$]*/g) ?? [];
  const word = words.at(-1);
  return word && !OWNER_WORDS.has(word) ? word : undefined;
}

function siteRule(sites) {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const source = context.sourceCode;
      const text = (node) => source.getText(node);
      const lines = (node) => [node.loc.start.line, node.loc.end.line];
      /** Delete the statement `node` is, or stands for; else replace `node` by `void 0`. */
      const removal = (node) => {
        let at = node.parent?.type === 'ChainExpression' ? node.parent : node;
        while (
          at.parent &&
          (at.parent.type === 'AwaitExpression' ||
            (at.parent.type === 'UnaryExpression' && at.parent.operator === 'void') ||
            (at.parent.type === 'LogicalExpression' && at.parent.right === at))
        )
          at = at.parent;
        if (at.parent?.type === 'ExpressionStatement') return { range: at.parent.range, text: ';' };
        const target = node.parent?.type === 'ChainExpression' ? node.parent : node;
        return { range: target.range, text: 'void 0' };
      };
      // A flag: every name the test reads is `aborted`, or is set to `true`/`false` in the file.
      const isFlag = (test) =>
        (text(test).match(/[A-Za-z_$][\w$]*(?=\s*(?:$|[)&|]))/g) ?? []).every(
          (name) => name === 'aborted' || new RegExp(String.raw`\b${name.replace(/\$/g, '\\$')}\s*=\s*(?:true|false)\b`).test(source.text),
        );
      /** A name bound by `import` or `require(…)`: a module namespace, not a handle. */
      const isModule = (node) => {
        if (node.type !== 'Identifier') return false;
        for (let scope = source.getScope(node); scope; scope = scope.upper) {
          const variable = scope.set.get(node.name);
          if (!variable) continue;
          const def = variable.defs[0];
          if (def?.type === 'ImportBinding') return true;
          const init = def?.type === 'Variable' ? unwrap(def.node.init) : undefined;
          return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
        }
        return false;
      };
      const add = (site) => sites.push({ line: site.node.loc.start.line, code: source.lines[site.node.loc.start.line - 1].trim(), ...site, node: undefined });

      // A `signal` only where the value is evidently an AbortSignal: `x.signal`, or a name in a
      // file that uses AbortSignals. A `signal` that is a POSIX signal name is not an end.
      const abortFile = /\bAbort(?:Controller|Signal)\b|\.aborted\b|\.throwIfAborted\b|['"]abort['"]/.test(source.text);
      const isAbortSignal = (value) =>
        (value.type === 'MemberExpression' && !value.computed && value.property.name === 'signal') ||
        (value.type === 'Identifier' && /signal$/i.test(value.name) && abortFile);
      const eventCall = (call) => {
        const callee = unwrap(call.callee);
        return callee.type === 'MemberExpression' && !callee.computed && /^(?:on|once|off|emit|kill|addListener|removeListener|prependListener)$/.test(callee.property.name);
      };
      const signalSites = (call) => {
        if (eventCall(call)) return;
        for (const argument of call.arguments) {
          if (argument.type === 'ObjectExpression') {
            for (const property of argument.properties) {
              if (property.type !== 'Property' || property.computed) continue;
              const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
              if (key !== 'signal' || !isAbortSignal(property.value)) continue;
              const after = source.getTokenAfter(property);
              const end = after?.value === ',' ? after.range[1] : property.range[1];
              add({ kind: 'signal', method: 'signal', node: property, span: lines(call), edit: { range: [property.range[0], end], text: '' } });
            }
          } else if (isAbortSignal(argument))
            add({ kind: 'signal', method: 'signal', node: argument, span: lines(call), edit: { range: argument.range, text: 'void 0' } });
        }
      };

      return {
        CallExpression(node) {
          signalSites(node);
          const callee = unwrap(node.callee);
          const method =
            callee.type === 'Identifier'
              ? callee.name
              : callee.type === 'MemberExpression' && !callee.computed
                ? callee.property.name
                : undefined;
          // A query that says UNLISTEN (not a log line that mentions it).
          const says = (a) =>
            (a.type === 'Literal' && typeof a.value === 'string' && /^\s*UNLISTEN\b/i.test(a.value)) ||
            (a.type === 'TemplateLiteral' && /^\s*UNLISTEN\b/i.test(a.quasis[0].value.raw)) ||
            (a.type === 'BinaryExpression' && a.operator === '+' && says(a.left));
          const unlisten = node.arguments.some(says);
          if (unlisten) {
            const receiver = callee.type === 'MemberExpression' ? text(callee.object) : '';
            add({ kind: 'unlisten', method: 'UNLISTEN', node, handle: receiver, word: handleWord(receiver), edit: removal(node) });
            return;
          }
          const kind = method && ENDS.get(method);
          if (!kind) return;
          if (kind === 'timer') {
            if (callee.type === 'MemberExpression' && !['timers', 'window', 'globalThis', 'global'].includes(text(callee.object)))
              return;
            if (!node.arguments[0]) return;
            const handle = text(node.arguments[0]);
            add({ kind, method, node, handle, word: handleWord(handle), edit: removal(node) });
            return;
          }
          if (callee.type !== 'MemberExpression') return;
          const receiver = text(callee.object);
          if (kind === 'listener') {
            const handler = node.arguments[1] && !isFunction(node.arguments[1]) ? text(node.arguments[1]) : '';
            const word = handleWord(receiver) ?? handleWord(handler);
            add({ kind, method, node, handle: receiver, handler, word, edit: removal(node) });
            return;
          }
          // `this.close()` ends the object itself, `fs.close(fd)` is a module's function: neither
          // ends a handle that the file starts on its receiver.
          if (callee.object.type === 'ThisExpression' || callee.object.type === 'Super' || isModule(callee.object)) return;
          add({ kind, method, node, handle: receiver, word: handleWord(receiver), edit: removal(node) });
        },
        NewExpression: signalSites,
        ReturnStatement(node) {
          // A disposer: a returned function of at most three statements, each of them an end.
          const body = node.argument?.body;
          const statements = body?.type === 'BlockStatement' ? body.body : body ? [body] : [];
          if (!isFunction(node.argument) || statements.length === 0 || statements.length > 3) return;
          if (!statements.every((statement) => isEnd(statement))) return;
          const owner = enclosingFunction(node);
          add({
            kind: 'disposer',
            method: 'return () => …',
            node,
            span: owner ? lines(owner) : lines(node),
            edit: { range: node.argument.range, text: '() => {}' },
          });
        },
        'WhileStatement, DoWhileStatement, ForStatement'(node) {
          if (!node.test || !isFlagTest(node.test) || !isFlag(node.test) || !/\bawait\b/.test(text(node.body))) return;
          add({ kind: 'loop-exit', method: `${node.type === 'ForStatement' ? 'for' : 'while'} (${text(node.test)})`, node, span: lines(node), edit: { range: node.test.range, text: 'true' } });
        },
        IfStatement(node) {
          const loop = enclosingLoop(node);
          if (!loop || !/\bawait\b/.test(text(loop.body)) || !isFlagTest(node.test) || !isFlag(node.test) || !exits(node.consequent) || node.alternate)
            return;
          add({ kind: 'loop-exit', method: `if (${text(node.test)}) ${node.consequent.type === 'BlockStatement' ? '{…}' : text(node.consequent)}`, node, span: lines(loop), edit: { range: node.range, text: ';' } });
        },
        'ExpressionStatement > CallExpression.expression[callee.property.name="throwIfAborted"]'(node) {
          const loop = enclosingLoop(node);
          if (!loop) return;
          add({ kind: 'loop-exit', method: 'throwIfAborted()', node, span: lines(loop), edit: { range: node.parent.range, text: ';' } });
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Linting.

/** `text` with `edit` applied, newlines kept so that lines do not move. */
function applyEdit(text, { range, text: replacement }) {
  const removed = text.slice(range[0], range[1]);
  const blank = removed.replace(/[^\n]/g, ' ');
  const firstLine = removed.indexOf('\n') === -1 ? removed.length : removed.indexOf('\n');
  const rest = replacement.length <= firstLine ? blank.slice(replacement.length) : blank.slice(firstLine);
  return text.slice(0, range[0]) + replacement + rest + text.slice(range[1]);
}

function makeLinter(pkg) {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const config = [{ ignores: ['!**/node_modules/'] }, ...lintConfig(pkg, 'untyped')];
  const lint = (text, filename, extra = []) =>
    linter.verify(text, [...config, ...extra], { filename });
  return lint;
}

const findingsOf = (messages) => messages.filter((m) => !m.fatal && m.ruleId?.startsWith('leaks/'));
const where = (m) => `${m.ruleId}:${m.line}:${m.column}`;

// ---------------------------------------------------------------------------------------------
// The run.

/** Evenly spaced picks of `cap` out of `items` (all when cap is 0 or not reached). */
const capped = (items, cap) =>
  cap === 0 || items.length <= cap ? items : Array.from({ length: cap }, (_, i) => items[Math.floor((i * items.length) / cap)]);

function mutatePackage(pkg, cap, kinds) {
  const lint = makeLinter(pkg);
  const root = path.join(corpusModules, pkg.name);
  const perFile = [];
  let crashes = 0;
  for (const file of packageFiles(pkg, root)) {
    const text = readFileSync(file, 'utf8');
    const sites = [];
    const siteConfig = [
      {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
        plugins: { corpus: { rules: { sites: siteRule(sites) } } },
        rules: { 'corpus/sites': 'error' },
      },
    ];
    let baseline;
    try {
      baseline = lint(text, file, siteConfig);
    } catch (error) {
      crashes++;
      console.log(`  RULE EXCEPTION on ${path.relative(root, file)}: ${error.message}`);
      continue;
    }
    if (baseline.some((m) => m.fatal)) continue;
    for (const site of sites) site.file = path.relative(root, file);
    perFile.push({ file, text, baseline: findingsOf(baseline), sites });
  }
  // Other ends of the same handle, and whether the file starts something on it.
  for (const { text, sites } of perFile)
    for (const site of sites) {
      if (!site.word) continue;
      site.otherEnds = sites.filter((s) => s !== site && s.kind === site.kind && s.word === site.word).length;
      const word = site.word.replace(/\$/g, '\\$');
      const start = START_CALL[site.kind]
        ? new RegExp(String.raw`\b${word}\b[\w$.\]\[)]*${START_CALL[site.kind]}|${START_CALL[site.kind]}[^;]*\b${word}\b`)
        : site.kind === 'timer'
          ? new RegExp(String.raw`\b${word}\s*=\s*(?:[\w$.]+\.)?setInterval\s*\(`)
          : site.kind === 'unlisten'
            ? /\bLISTEN\b/
            : new RegExp(String.raw`\b${word}\s*=[^=]|\b${word}\s*:`);
      site.startInFile = start.test(text);
      // `const worker = this.workers.get(name); worker.terminate()`: a handle read out of a collection,
      // whose start a finding names by the collection it is stored in.
      site.from = text.match(new RegExp(String.raw`\b(?:const|let|var)\s+${word}\s*=\s*((?:this\.)?[\w$.]+)\.get\(`))?.[1];
    }
  const all = perFile.flatMap(({ sites }) => sites);
  const chosen = new Set(capped(all, cap));
  const mutants = [];
  for (const { file, text, baseline, sites } of perFile) {
    const before = new Map();
    for (const m of baseline) before.set(where(m), (before.get(where(m)) ?? 0) + 1);
    const lines = text.split('\n');
    for (const site of sites) {
      if (!chosen.has(site) || (kinds.length > 0 && !kinds.includes(site.kind))) continue;
      let messages;
      try {
        messages = lint(applyEdit(text, site.edit), file);
      } catch (error) {
        crashes++;
        console.log(`  RULE EXCEPTION on a mutant of ${site.file}:${site.line} (${site.kind}): ${error.message}`);
        continue;
      }
      if (messages.some((m) => m.fatal)) continue; // the mutant does not parse: not counted
      const seen = new Map(before);
      const added = [];
      for (const m of findingsOf(messages)) {
        const n = seen.get(where(m)) ?? 0;
        if (n > 0) seen.set(where(m), n - 1);
        else added.push(m);
      }
      const atStart = (m) => {
        const last = m.endLine ?? m.line;
        if (site.span) return m.line <= site.span[1] && last >= site.span[0];
        // A start a factory method makes is reported where the factory makes it, naming the member it is kept in.
        if (site.handle && m.message.includes(`\`${site.handle}\``)) return true;
        if (site.from && m.message.includes(`\`${site.from}\``)) return true;
        if (!site.word) return false;
        const word = new RegExp(String.raw`(?<![\w$])${site.word.replace(/\$/g, '\\$')}(?![\w$])`);
        return lines.slice(m.line - 2 < 0 ? 0 : m.line - 2, last).some((line) => word.test(line));
      };
      const killer = added.find(atStart);
      mutants.push({
        package: pkg.name,
        set: setOf(pkg),
        file: `${site.file}:${site.line}`,
        kind: site.kind,
        method: site.method,
        code: site.code.length > 160 ? `${site.code.slice(0, 157)}...` : site.code,
        handle: site.handle,
        handler: site.handler,
        otherEnds: site.otherEnds ?? null,
        startInFile: site.startInFile ?? null,
        result: killer ? 'killed' : added.length ? 'killed-elsewhere' : 'survived',
        rule: (killer ?? added[0])?.ruleId?.replace(/^leaks\//, '') ?? null,
        finding: killer || added[0] ? `${(killer ?? added[0]).line}: ${(killer ?? added[0]).message}` : null,
      });
    }
  }
  return { mutants, sites: all.length, crashes };
}

/** Only end, start in the file: the population the recall target is stated on. */
const onlyEnd = (m) =>
  ['signal', 'loop-exit', 'disposer'].includes(m.kind) || (m.otherEnds === 0 && m.startInFile === true);

function survivorClass(m) {
  if (m.kind === 'signal' || m.kind === 'loop-exit' || m.kind === 'disposer') return 'to read';
  if (m.otherEnds > 0) return 'another end of the same handle in the file (likely ended another way)';
  if (m.startInFile === false) return 'nothing started in this file (the handle comes from elsewhere)';
  if (m.startInFile === null) return 'no handle to follow (an end on `this`, or an inline handler)';
  if (/^(?:this|self|that|_this|me)\b/.test(m.handle ?? '') || /^(?:this|self|that|_this|me)\b/.test(m.handler ?? ''))
    return 'handed over: stored on the object (the engine takes that as ended and does not check the owner ends it)';
  return 'to read';
}

/** A survivor read by hand and judged not to leak without its end: out of the leak population. */
const judgedNoLeak = (m) => m.result === 'survived' && /^(?:ended another way|not a leak without it)$/.test(noteFor(m)?.class ?? '');

function summarize(mutants) {
  const rows = [];
  const row = (label, list) => {
    const killed = list.filter((m) => m.result === 'killed').length;
    const elsewhere = list.filter((m) => m.result === 'killed-elsewhere').length;
    const only = list.filter(onlyEnd);
    const onlyKilled = only.filter((m) => m.result === 'killed').length;
    const noLeak = only.filter(judgedNoLeak).length;
    const unread = only.filter((m) => m.result === 'survived' && !noteFor(m)).length;
    rows.push({
      label,
      mutants: list.length,
      killed,
      elsewhere,
      survived: list.length - killed - elsewhere,
      only: only.length,
      onlyKilled,
      recall: only.length ? onlyKilled / only.length : null,
      noLeak,
      unread,
      leakRecall: only.length - noLeak ? onlyKilled / (only.length - noLeak) : null,
    });
  };
  for (const group of Object.keys(GROUP_RULES)) {
    const inGroup = mutants.filter((m) => RULE_GROUP[m.kind] === group);
    row(group, inGroup);
    for (const kind of Object.keys(RULE_GROUP).filter((k) => RULE_GROUP[k] === group && group === 'subscriptions'))
      row(`  ${kind}`, inGroup.filter((m) => m.kind === kind));
  }
  for (const set of ['library', 'application', 'fresh', 'fresh2']) {
    const inSet = mutants.filter((m) => m.set === set);
    if (inSet.length && inSet.length < mutants.length) row(`all, ${set} set`, inSet);
  }
  row('all', mutants);
  return rows;
}

function table(rows) {
  const pct = (x) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);
  const out = [
    '| mutants of | mutants | killed at start | killed elsewhere | survived | only end | only end, killed | recall (only end) | read: no leak without it | unread | recall (only end, less read no-leak) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows)
    out.push(
      `| ${r.label.replace(/^ {2}/, '&nbsp;&nbsp;')} | ${r.mutants} | ${r.killed} | ${r.elsewhere} | ${r.survived} | ${r.only} | ${r.onlyKilled} | ${pct(r.recall)} | ${r.noLeak} | ${r.unread} | ${pct(r.leakRecall)} |`,
    );
  return out.join('\n');
}

function loadSurvivorNotes() {
  try {
    return JSON.parse(readFileSync(survivorsFile, 'utf8')).survivors;
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

const options = parseArgs(process.argv.slice(2));
ensureInstalled();
const plugin = loadPlugin();
const total = performance.now();
console.log(
  `Mutating ${options.packages.length} packages, ${options.cap ? `at most ${options.cap} mutants per package (evenly spaced)` : 'no cap'}`,
);
const mutants = [];
let crashes = 0;
const perPackage = [];
for (const pkg of options.packages) {
  const start = performance.now();
  const result = mutatePackage(pkg, options.cap, options.kinds);
  mutants.push(...result.mutants);
  crashes += result.crashes;
  const killed = result.mutants.filter((m) => m.result === 'killed').length;
  perPackage.push({ package: pkg.name, sites: result.sites, mutants: result.mutants.length, killed });
  console.log(
    `  ${pkg.name}: ${result.sites} sites, ${result.mutants.length} mutants linted, ${killed} killed at the start ` +
      `(${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
}

const notes = loadSurvivorNotes();
function noteFor(m) {
  return notes.find((n) => n.package === m.package && n.file === m.file && n.kind === m.kind);
}
const rows = summarize(mutants);
console.log(`\n${table(rows)}\n`);

// Survivors: a sample per kind among the only-end ones, with the hand-written class if any.
const survivors = mutants.filter((m) => m.result !== 'killed');
const classes = new Map();
for (const m of survivors) {
  const cls = noteFor(m)?.class ?? survivorClass(m);
  classes.set(cls, (classes.get(cls) ?? 0) + 1);
}
// Every survivor read by hand, then up to --sample unread only-end survivors per kind.
const sample = survivors.filter((m) => noteFor(m));
for (const kind of Object.keys(RULE_GROUP)) {
  const pool = survivors.filter((m) => m.kind === kind && onlyEnd(m) && !noteFor(m));
  sample.push(...capped(pool, options.sample));
}
for (const m of sample) m.note = noteFor(m) ?? null;

const json = {
  plugin: `${plugin.meta.name}@${plugin.meta.version}`,
  eslint: Linter.version,
  cap: options.cap,
  packages: perPackage,
  summary: rows,
  survivorClasses: Object.fromEntries(classes),
  mutants,
};
// One mutant a line, so that a re-run's diff reads mutant by mutant.
const { mutants: list, ...head } = json;
writeFileSync(
  path.join(resultsDir, 'mutation.json'),
  `${JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "mutants": [\n')}${list.map((m) => `    ${JSON.stringify(m)}`).join(',\n')}\n  ]\n}\n`,
);

const md = [
  '# Mutation recall on the corpus',
  '',
  `Written by \`node test/corpus/mutate.mjs ${process.argv.slice(2).join(' ')}\`.trim() (see the script's header for what a mutant is).`.replace('`.trim()', '`'),
  `Plugin ${json.plugin}, packages: ${options.packages.map((p) => p.name).join(', ')}; cap ${options.cap || 'none'} mutants per package.`,
  '',
  table(rows),
  '',
  '"Only end": the deleted end was the only end of that kind on that handle in the file, and the file starts',
  'something on the handle (always so for signal, loop-exit and disposer mutants). Recall is killed at the start',
  'over those. The last column leaves out the only-end survivors read by hand and judged "ended another way" or',
  '"not a leak without it" (test/corpus/survivors.json, each with its reason below); unread survivors stay in.',
  '',
  '## Killed at the start',
  '',
  ...mutants
    .filter((m) => m.result === 'killed')
    .map((m) => `- ${m.kind} \`${m.package}/${m.file}\` \`${m.code.replace(/`/g, "'")}\`: ${m.rule}`),
  '',
  '## Survivors by class',
  '',
  ...[...classes].sort((a, b) => b[1] - a[1]).map(([cls, n]) => `- ${n}: ${cls}`),
  '',
  `## Survivors read by hand, and up to ${options.sample} unread only-end survivors per kind`,
  '',
  'The classes read by hand are in test/corpus/survivors.json; add an entry there to classify another.',
  '',
  ...sample.map(
    (m) =>
      `- ${m.kind} \`${m.package}/${m.file}\` \`${m.code.replace(/`/g, "'")}\`${m.result === 'killed-elsewhere' ? ` (a finding elsewhere: ${m.rule})` : ''}` +
      (m.note ? `: **${m.note.class}**, ${m.note.reason}` : ': not read yet'),
  ),
  '',
];
writeFileSync(path.join(resultsDir, 'mutation.md'), md.join('\n'));
console.log(`Survivors by class:\n${[...classes].map(([c, n]) => `  ${n}: ${c}`).join('\n')}`);
console.log(
  `\nWrote ${path.relative(repoRoot, path.join(resultsDir, 'mutation.json'))} and mutation.md: ${mutants.length} mutants, ` +
    `${crashes} rule exceptions (${((performance.now() - total) / 1000).toFixed(1)} s)`,
);
process.exitCode = crashes ? 1 : 0;
