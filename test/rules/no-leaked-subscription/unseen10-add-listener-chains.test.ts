import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Node's EventEmitter returns the emitter from `addListener`, `prependListener` and
// `prependOnceListener` as it does from `on` and `once`: a watcher stored at the end of such a
// chain is stored (svelte-language-server's `this.fsWatcher = watch(…).addListener(…)`). Dropped at
// the end of the chain, it is still reported.
runInBothModes('no-leaked-subscription: addListener chains hand back the emitter', rule, {
  valid: [
    `
import chokidar from 'chokidar';

export class GlobalVars {
  fsWatcher?: chokidar.FSWatcher;
  watch(paths: string[]) {
    this.fsWatcher?.close();
    this.fsWatcher = chokidar
      .watch(paths)
      .addListener('add', (file: string) => this.update(file))
      .prependListener('unlink', (file: string) => this.update(file));
  }
  update(file: string) {
    return file;
  }
  dispose() {
    this.fsWatcher?.close();
  }
}
`,
  ],
  invalid: [
    {
      code: `
import chokidar from 'chokidar';

export function watchAll(paths: string[], update: (file: string) => void) {
  chokidar.watch(paths).addListener('add', update).prependOnceListener('ready', () => update(''));
}
`,
      errors: [{ messageId: 'handleDropped', line: 5, column: 3, endLine: 5, endColumn: 17 }],
    },
  ],
});
