import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener on a parameter that the method stores on its object, as a member or as an entry of a
// member collection (`this.watchers[path] = watcher`), goes with it when the object's teardown
// closes that member or its entries: node-watch's Watcher.add. A teardown that only forgets the
// entries, or a collection whose entries are taken out unended, leaves the listener on what the
// object was given.
const watcherClass = (close: string, types = true) => `
import { watch, type FSWatcher } from 'node:fs';
import { EventEmitter } from 'node:events';

export class Watcher extends EventEmitter {
  private watchers${types ? ': Record<string, FSWatcher>' : ''} = {};
  add(watcher${types ? ': FSWatcher' : ''}, path${types ? ': string' : ''}) {
    this.watchers[path] = watcher;
    watcher.on('error', (error) => {
      watcher.emit('change', 'rename', path);
      this.emit('error', error);
    });
  }
  watchDirectory(dir: string) {
    this.add(watch(dir), dir);
  }
  close() {
${close}
  }
}
`;
const closeEach = `    for (const path of Object.keys(this.watchers)) this.watchers[path].close();
    this.watchers = {};`;

const notRemoved = (line: number) => ({ messageId: 'listenerNotRemoved' as const, line, column: 5, endLine: line, endColumn: 15 });

runInBothModes('no-leaked-subscription: a listener on what the object stores and its teardown closes', rule, {
  valid: [
    // A record kept as a map, each entry closed by the teardown: typed, and known by its uses.
    watcherClass(closeEach),
    watcherClass(closeEach, false),
    // A Map, closed through its values.
    `
import type { FSWatcher } from 'node:fs';
export class Watchers {
  private watchers = new Map<string, FSWatcher>();
  add(path: string, watcher: FSWatcher) {
    this.watchers.set(path, watcher);
    watcher.on('change', () => {
      watcher.emit('rescan');
      this.changed(path);
    });
  }
  changed(path: string) {}
  close() {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
`,
    // A member, destroyed by the teardown.
    `
import type { Socket } from 'node:net';
export class Connection {
  private socket?: Socket;
  attach(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk) => this.received(chunk));
  }
  received(chunk: Buffer) {}
  destroy() {
    this.socket?.destroy();
  }
}
`,
  ],
  invalid: [
    {
      // The teardown forgets the entries without closing them.
      code: watcherClass(`    this.watchers = {};`, false),
      errors: [notRemoved(9)],
    },
    {
      // The teardown closes the entries of another collection.
      code: watcherClass(`    for (const path of Object.keys(this.servers)) this.servers[path].close();
    this.watchers = {};`, false),
      errors: [notRemoved(9)],
    },
  ],
});
