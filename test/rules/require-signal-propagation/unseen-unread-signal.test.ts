import rule from '../../../rules/require-signal-propagation';
import { typedRuleTester, untypedRuleTester } from '../../ruleTester';
import { missing } from './missingSignal';

// A callee typed to take a signal that never reads it (libp2p kad-dht's routing table:
// `closestPeers(key, options?: GetClosestPeersOptions)`, whose options type extends the package's
// `AbortOptions`, hands them to a lookup that reads only `count` and `exclude`): given the signal,
// it would do the same. With types, every declaration the call may run is read, and the options
// followed into the functions they are handed to. Still reported: a callee that reads the signal
// itself or through a function it hands the options to, and one handing them to a function with
// no body in the program (a declaration only: it may read it).
const table = (pick: string): string => `
interface Options {
  count?: number;
  signal?: AbortSignal;
}
declare function lookUp(key: string, options?: Options): Promise<string[]>;

export class Table {
  private peers: string[] = [];

  async run(key: string, signal: AbortSignal) {
    await fetch(key, { signal });
    return this.closest(key, { count: 5 });
  }

  private closest(key: string, options?: Options): string[] {
    if (options == null) return this.peers;
    return this.pick(key, options);
  }

  private pick(key: string, options: Options): string[] {
    ${pick}
  }
}
`;

// A public method's call may run a subclass's override, which may read the signal.
const overridable = `
interface Options {
  count?: number;
  signal?: AbortSignal;
}
export class Store {
  load(key: string, options?: Options): string[] {
    return [key].slice(0, options?.count);
  }
}
export class RemoteStore extends Store {
  override load(key: string, options?: Options): string[] {
    void fetch(key, { signal: options?.signal });
    return [];
  }
}
export async function run(store: Store, key: string, signal: AbortSignal) {
  await fetch(key, { signal });
  return store.load(key, { count: 1 });
}
`;

const unread = table(`return this.peers.filter((peer) => peer !== key).slice(0, options.count ?? 20);`);
const readsItself = table(`options.signal?.throwIfAborted();
    return this.peers.slice(0, options.count);`);
const handsOnToDeclaration = table(`void lookUp(key, options);
    return this.peers;`);

/** The error at the first occurrence of `text` in `code`, on one line. */
const missingAt = (code: string, text: string) => {
  const before = code.slice(0, code.indexOf(text)).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length + 1;
  return missing(line, column, line, column + text.length);
};

const withSignal = (code: string, call = 'this.closest(key, { count: 5 })'): string => code.replace(call, call.replace(' })', ', signal })'));

typedRuleTester.run('require-signal-propagation: callees that never read their signal (typed)', rule, {
  valid: [
    unread,
    // Destructured without `signal`.
    table(`const { count } = options;
    return this.peers.slice(0, count);`),
  ],
  invalid: [readsItself, handsOnToDeclaration, table(`const { signal } = options;
    signal?.throwIfAborted();
    return this.peers;`)].map((code) => ({
    code,
    errors: [missingAt(code, 'this.closest(key, { count: 5 })')],
    output: withSignal(code),
  })).concat([
    {
      code: overridable,
      errors: [missingAt(overridable, 'store.load(key, { count: 1 })')],
      output: withSignal(overridable, 'store.load(key, { count: 1 })'),
    },
  ]),
});

// Without types the method is known from its own options annotation to take a signal, and its body
// is not read: reported (handing it the signal changes nothing).
untypedRuleTester.run('require-signal-propagation: callees that never read their signal (untyped)', rule, {
  valid: [],
  invalid: [unread, readsItself].map((code) => ({
    code,
    errors: [missingAt(code, 'this.closest(key, { count: 5 })')],
    output: withSignal(code),
  })),
});
