import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `fs.watch(path, onChange)`: where options or a listener may stand, a named function (a
// parameter typed as one, a function declaration, a `const` arrow) is the listener, not options
// that might carry a signal. The watcher kept on `this` must still be closed by the teardown.
runInBothModes('no-leaked-subscription: a named listener where options could be', rule, {
  valid: [
    `
import { watch, type FSWatcher } from 'node:fs';

export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  start(path: string, onChange: () => void): void {
    this.watcher = watch(path, onChange);
  }
  dispose(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}
`,
    // Options handed in by the caller may carry its signal.
    `
import { watch, type FSWatcher, type WatchOptions } from 'node:fs';

export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  start(path: string, options: WatchOptions): void {
    this.watcher = watch(path, options);
  }
  dispose(): void {
    this.watcher = undefined;
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { watch, type FSWatcher } from 'node:fs';

function log(): void {
  console.log('changed');
}

export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  private logs: FSWatcher | undefined;
  start(path: string, onChange: () => void): void {
    this.watcher = watch(path, onChange);
    this.logs = watch('/var/log', log);
  }
  dispose(): void {
    this.watcher = undefined;
    this.logs = undefined;
  }
}
`,
      errors: [
        { messageId: 'storedNotEnded', line: 12, column: 20 },
        { messageId: 'storedNotEnded', line: 13, column: 17 },
      ],
    },
  ],
});
