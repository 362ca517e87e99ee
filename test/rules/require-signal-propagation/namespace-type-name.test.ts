import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';

const filename = 'project/jobs.ts';

// A parameter typed with a name that is also a whole-module import (`import * as Iterable`, and the
// global `Iterable<A>` type, as effect writes it): asking for its declaration must not throw (it
// once built an invalid pattern from the import's name `*`).
runInBothModes('require-signal-propagation: a type named like a namespace import', rule, {
  valid: [
    {
      filename,
      code: `
import * as Iterable from './procedures/options';

async function consume(items: Iterable<number>, onItem: (n: number) => Promise<void>) {
  for (const item of items) await onItem(item);
}

export async function run(items: number[], signal: AbortSignal) {
  signal.throwIfAborted();
  await consume(items, async () => {});
  return Iterable;
}
`,
    },
  ],
  invalid: [],
});
