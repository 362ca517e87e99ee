import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A controller the class aborts only to replace it is the operation's signal only after the method
// made the new one: between the abort and `new AbortController()` the member holds the aborted one,
// and a listener given it would never be added (review: `--fix` wrote `{ signal: this.ac?.signal }`
// there). The listener is still reported, with the add-a-parameter suggestion only.
const code = `
export class History {
  ac?: AbortController;
  onPop = () => undefined;
  restore(path: string) {
    this.ac?.abort();
    window.addEventListener('popstate', this.onPop);
    this.ac = new AbortController();
    return fetch(path, { signal: this.ac.signal });
  }
}
`;

runInBothModes('no-leaked-subscription: a per-operation signal before the method made it', rule, {
  valid: [],
  invalid: [
    {
      code,
      output: null,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: code
                .replace('restore(path: string)', 'restore(path: string, signal?: AbortSignal)')
                .replace("'popstate', this.onPop)", "'popstate', this.onPop, { signal })"),
            },
          ],
        },
      ],
    },
  ],
});
