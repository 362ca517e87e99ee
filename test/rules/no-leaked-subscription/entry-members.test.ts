import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A start stored on a member of each entry of a collection the file holds (`item.watcher = fs.watch(…)`
// in `items.forEach((item) => …)`) is owned by that collection: the file must end that member of its
// entries somewhere, or hand the entries on.
runInBothModes('no-leaked-subscription: a start stored on the entries of a collection', rule, {
  valid: [
    // ended by iterating the collection
    `
import fs from 'node:fs';

const items = new Map<string, { watcher?: fs.FSWatcher }>();

export function watchAll() {
  stopAll();
  items.forEach((item, file) => {
    item.watcher = fs.watch(file, () => {});
  });
}

export function stopAll() {
  items.forEach((item) => {
    item.watcher?.close();
  });
}
`,
    // ended through a destructuring in a for-of loop
    `
import fs from 'node:fs';

const items: { path: string; watcher?: fs.FSWatcher }[] = [];

export function watchAll() {
  for (const item of items) item.watcher = fs.watch(item.path, () => {});
}

export function stopAll() {
  for (const { watcher } of items) watcher?.close();
}
`,
    // the entries are handed to the caller: their new owner is trusted
    `
import fs from 'node:fs';

const items: { path: string; watcher?: fs.FSWatcher }[] = [];

export function watchAll() {
  items.forEach((item) => {
    item.watcher = fs.watch(item.path, () => {});
  });
  return items;
}
`,
    // run once for the program, at module level: meant to last
    `
import fs from 'node:fs';

const items: { path: string; watcher?: fs.FSWatcher }[] = [];

function watchAll() {
  items.forEach((item) => {
    item.watcher = fs.watch(item.path, () => {});
  });
}
watchAll();
`,
    // a fold's first parameter is its accumulator, handed back to the caller
    `
import fs from 'node:fs';

const items: string[] = [];

export function watchAll() {
  return items.reduce((acc: { watcher?: fs.FSWatcher }, file) => {
    acc.watcher = fs.watch(file, () => {});
    return acc;
  }, {});
}
`,
  ],
  invalid: [
    {
      // stopAll() lets go of the watchers without closing them, and watchAll() runs again
      code: `
import fs from 'node:fs';

const items = new Map<string, { watcher?: fs.FSWatcher | null }>();

export function watchAll() {
  stopAll();
  items.forEach((item, file) => {
    item.watcher = fs.watch(file, () => {});
  });
}

export function stopAll() {
  items.forEach((item) => {
    item.watcher = null;
  });
}
`,
      errors: [
        {
          messageId: 'entryMemberNotEnded',
          data: { code: 'fs.watch(file, () => {})', label: 'a file watcher', member: 'item.watcher', collection: 'items' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 28,
        },
      ],
    },
    {
      // a for-of loop over the entries, in a class method
      code: `
import fs from 'node:fs';

export class Reloader {
  items: { path: string; timer?: ReturnType<typeof setInterval> }[] = [];
  start() {
    for (const item of this.items) {
      item.timer = setInterval(() => fs.statSync(item.path), 1000);
    }
  }
}
`,
      errors: [
        {
          messageId: 'entryMemberNotEnded',
          data: { code: 'setInterval(…)', label: 'an interval', member: 'item.timer', collection: 'this.items' },
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 31,
        },
      ],
    },
  ],
});
