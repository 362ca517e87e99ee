import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A handle handed into a collection the file can see (a member of `this`, a module-level array or
// Map) is ended by that collection's owner only if the owner's code ends what it holds.
runInBothModes('no-leaked-subscription: a collection owns what is handed into it only if it ends it', rule, {
  valid: [
    // close() closes every server the collection holds
    `
import dgram from 'node:dgram';

export class Broadcaster {
  servers: dgram.Socket[] = [];
  startServer(port: number) {
    const server = dgram.createSocket('udp4');
    server.bind(port, () => {
      this.servers.push(server);
    });
  }
  close() {
    this.servers.forEach((server) => server.close());
    this.servers = [];
  }
}
`,
    // stop() awaits the close of every watcher, through map
    `
import chokidar from 'chokidar';

export class DevServer {
  staticWatchers: chokidar.FSWatcher[] = [];
  watchFiles(paths: string[]) {
    const watcher = chokidar.watch(paths);
    this.staticWatchers.push(watcher);
  }
  async stop() {
    await Promise.all(this.staticWatchers.map((watcher) => watcher.close()));
    this.staticWatchers = [];
  }
}
`,
    // the entries are closed on an event, in another method: the owner ends them
    `
import WebSocket from 'ws';

export class Writer {
  sockets = new Map<string, WebSocket>();
  connect(id: string, url: string) {
    const socket = new WebSocket(url);
    this.sockets.set(id, socket);
  }
  onPeerGone(id: string) {
    this.sockets.get(id)?.terminate();
    this.sockets.delete(id);
  }
}
`,
    // a for-of over the Map's values in the teardown
    `
import WebSocket from 'ws';

export class Writer {
  sockets = new Map<string, WebSocket>();
  connect(id: string, url: string) {
    this.sockets.set(id, new WebSocket(url));
  }
  close() {
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
  }
}
`,
    // the collection is handed on to code this file does not show: trusted, as before
    `
import WebSocket from 'ws';
import { closeAll } from './pool';

export class Writer {
  sockets: WebSocket[] = [];
  connect(url: string) {
    this.sockets.push(new WebSocket(url));
  }
  close() {
    closeAll(this.sockets);
  }
}
`,
    // a module-level list whose reset closes every watcher
    `
import chokidar from 'chokidar';

let watchers: chokidar.FSWatcher[] = [];

export function resetWatchers() {
  watchers.forEach((watcher) => {
    watcher.close();
  });
  watchers = [];
}

export function watch(dirs: string[]) {
  const watcher = chokidar.watch(dirs);
  watchers.push(watcher);
}
`,
    // a helper method that stores its parameter in a Map whose entries are ended
    `
import WebSocket from 'ws';

export class Writer {
  sockets = new Map<string, WebSocket>();
  connect(id: string, url: string) {
    const socket = new WebSocket(url);
    this.addSocket(id, socket);
  }
  addSocket(id: string, socket: WebSocket) {
    this.sockets.set(id, socket);
  }
  removeSocket(id: string) {
    const socket = this.sockets.get(id);
    if (socket && socket.readyState === WebSocket.OPEN) socket.terminate();
    this.sockets.delete(id);
  }
  close() {
    this.sockets.forEach((socket) => socket.terminate());
    this.sockets.clear();
  }
}
`,
    // an entry removed on its own 'close' event needs no end: it has ended
    `
import WebSocket from 'ws';

export class Writer {
  sockets = new Map<string, WebSocket>();
  connect(id: string, url: string) {
    const socket = new WebSocket(url);
    this.sockets.set(id, socket);
    socket.on('close', () => {
      const gone = this.sockets.get(id);
      if (gone) this.sockets.delete(id);
    });
  }
  close() {
    this.sockets.forEach((socket) => socket.terminate());
  }
}
`,
    // tests of the handle are not hand-overs: Boolean(h), if (h), h !== undefined; the local is ended
    `
export function poll(run: () => void) {
  const timer = setInterval(run, 1000);
  const active = Boolean(timer);
  if (timer && timer !== undefined && active) clearInterval(timer);
}
`,
  ],
  invalid: [
    {
      // close() forgets the servers without closing them
      code: `
import dgram from 'node:dgram';

export class Broadcaster {
  servers: dgram.Socket[] = [];
  startServer(port: number) {
    const server = dgram.createSocket('udp4');
    server.bind(port, () => {
      this.servers.push(server);
    });
  }
  close() {
    this.servers.forEach((server) => console.log(server.address()));
    this.servers = [];
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: "dgram.createSocket('udp4')", label: 'a UDP socket', member: 'this.servers', teardown: 'close' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 38,
        },
      ],
    },
    {
      // stop() empties the list; nothing closes the watchers in it
      code: `
import chokidar from 'chokidar';

export class DevServer {
  staticWatchers: chokidar.FSWatcher[] = [];
  watchFiles(paths: string[]) {
    this.staticWatchers.push(chokidar.watch(paths));
  }
  async stop() {
    this.staticWatchers = [];
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'chokidar.watch(paths)', label: 'a chokidar watcher', member: 'this.staticWatchers', teardown: 'stop' },
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 44,
        },
      ],
    },
    {
      // the module's reset empties the list without closing, and watch() runs again after it
      code: `
import chokidar from 'chokidar';

let watchers: chokidar.FSWatcher[] = [];

export function resetWatchers() {
  watchers = [];
}

export function watch(dirs: string[]) {
  if (watchers.length) return;
  const watcher = chokidar.watch(dirs);
  watchers.push(watcher);
}
`,
      errors: [
        {
          messageId: 'storedOnlyCleared',
          data: { code: 'chokidar.watch(dirs)', label: 'a chokidar watcher', member: 'watchers', release: 'resetWatchers' },
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 33,
        },
      ],
    },
    {
      // removeSocket() takes the socket out of the Map without destroying it; close() only ends those still there
      code: `
import WebSocket from 'ws';

export class Writer {
  sockets = new Map<string, WebSocket>();
  connect(id: string, url: string) {
    const socket = new WebSocket(url);
    this.addSocket(id, socket);
  }
  addSocket(id: string, socket: WebSocket) {
    this.sockets.set(id, socket);
  }
  trim(ids: string[]) {
    ids.forEach((id) => this.removeSocket(id));
  }
  removeSocket(id: string) {
    const socket = this.sockets.get(id);
    if (socket && socket.readyState === WebSocket.OPEN) console.log('dropping a live socket');
    this.sockets.delete(id);
  }
  close() {
    this.sockets.forEach((socket) => socket.terminate());
    this.sockets.clear();
  }
}
`,
      errors: [
        {
          messageId: 'storedOnlyCleared',
          data: { code: 'new WebSocket(url)', label: 'a WebSocket', member: 'this.sockets', release: 'removeSocket' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 38,
        },
      ],
    },
    {
      // a test of the handle hands it to no one: the interval is kept and never cleared
      code: `
export function poll(run: () => void) {
  const timer = setInterval(run, 1000);
  return Boolean(timer);
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
export function poll(run: () => void, signal?: AbortSignal) {
  const timer = setInterval(run, 1000);
  if (signal?.aborted) clearInterval(timer);
  else signal?.addEventListener('abort', () => clearInterval(timer), { once: true });
  return Boolean(timer);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
