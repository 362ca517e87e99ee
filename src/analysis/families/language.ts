import type { Family } from './family';

/** The language's own repeated callbacks: array iteration runs its callback once per element. */
export const language = {
  name: 'JavaScript',
  arrayIterationMethods: [
    'forEach',
    'map',
    'flatMap',
    'filter',
    'some',
    'every',
    'find',
    'findIndex',
    'findLast',
    'findLastIndex',
    'reduce',
    'reduceRight',
  ],
  // Resolving each would cost a type query, for calls that never lead to a subscription.
  builtinMethods: [
    ...['push', 'pop', 'shift', 'unshift', 'slice', 'splice', 'concat', 'join', 'includes', 'indexOf', 'lastIndexOf'],
    ...['map', 'filter', 'reduce', 'forEach', 'some', 'every', 'find', 'findIndex', 'flat', 'flatMap', 'sort', 'reverse'],
    ...['fill', 'keys', 'values', 'entries', 'has', 'get', 'set', 'add', 'delete', 'clear', 'at'],
    ...['split', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'startsWith', 'endsWith', 'toLowerCase'],
    ...['toUpperCase', 'padStart', 'padEnd', 'charAt', 'charCodeAt', 'codePointAt', 'substring', 'match', 'matchAll'],
    ...['test', 'exec', 'toString', 'toFixed', 'valueOf', 'then', 'catch', 'finally', 'bind', 'call', 'apply'],
    ...['hasOwnProperty', 'assign', 'freeze', 'stringify', 'parse', 'log', 'warn', 'error', 'info', 'debug'],
  ],
  protocols: {
    promiseCallbacks: ['then', 'catch', 'finally'],
    promiseValue: 'then',
    promiseFailure: 'catch',
    promiseSettled: 'finally',
    bindsThis: ['call', 'apply', 'bind'],
    callsWithThis: ['call', 'apply'],
    bindsNew: 'bind',
    collectionAdds: ['push', 'add', 'set', 'unshift'],
    collectionLookups: ['get', 'at', 'find', 'findLast', 'pop', 'shift'],
    collectionViews: ['values', 'entries', 'slice', 'splice', 'filter', 'concat', 'reverse', 'sort', 'flat'],
    collectionRemove: 'delete',
    collectionClear: 'clear',
    collectionFolds: ['reduce', 'reduceRight'],
    conversions: ['Boolean', 'String', 'Number'],
    iteratorEnd: 'return',
    iteratorNext: 'next',
    iteratorDone: 'done',
    collectionIterators: ['values', 'keys', 'entries'],
    entryCopies: [
      { global: 'Object', method: 'values' },
      { global: 'Object', method: 'entries' },
      { global: 'Array', method: 'from' },
    ],
    promiseRace: { global: 'Promise', method: 'race' },
    globalObjects: ['globalThis', 'global'],
  },
  // `console.warn(…)`, `logger.error(…)`, `log(…)`
  logging: { methods: ['log', 'warn', 'error', 'info', 'debug', 'trace', 'fatal', 'verbose'], globals: ['console'] },
} as const satisfies Family;

/** The language's protocol names, for the modules that read them: `protocols.promiseValue` is `'then'`. */
export const protocols: NonNullable<Family['protocols']> = language.protocols;

/**
 * Node's modules that bundlers fill in for browsers with an npm package of the same name
 * (node-libs-browser, browserify's builtins): importing one by its bare name is no sign that a file
 * runs on Node; `node:events`, `fs` or `child_process` is.
 */
export const browserPolyfilledModules: readonly string[] = [
  'assert',
  'buffer',
  'console',
  'constants',
  'crypto',
  'domain',
  'events',
  'http',
  'https',
  'os',
  'path',
  'process',
  'punycode',
  'querystring',
  'stream',
  'string_decoder',
  'sys',
  'timers',
  'tty',
  'url',
  'util',
  'vm',
  'zlib',
];
