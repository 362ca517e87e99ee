import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contextForRelativeImport } from '../../src/analysis/otherFiles';

// Which followed files are parsed for a class or a factory: only those whose text, or the text
// of a file they import from a relative path, could give what the caller looks for.
describe('the cheap rejection before a followed file is parsed', () => {
  let dir: string;
  const from = () => path.join(dir, 'main.js');
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-rejection-'));
    write('format.js', `export function format(x) { return String(x); }\n`);
    // A class with a teardown, importing a file that names no start: nothing it can hold.
    write('plain.js', `import { format } from './format.js';\nexport class Plain { close() { return format(1); } }\n`);
    // The same class, importing a file that starts an interval: it may hold one.
    write('tick.js', `export function tick(f) { return setInterval(f, 1000); }\n`);
    write('ticking.js', `import { tick } from './tick.js';\nexport class Ticking { constructor() { this.t = tick(() => {}); } close() { clearInterval(this.t); } }\n`);
    // A class that starts something but has no method that could end it.
    write('noend.js', `export class NoEnd { constructor() { this.t = setInterval(() => {}, 1000); } }\n`);
    // A factory whose imports reach an interval only: it cannot hand back a connection.
    write('intervals.js', `import { tick } from './tick.js';\nexport function make() { return tick(() => {}); }\n`);
    // A factory whose imports reach a class that may hold a connection.
    write('client.js', `import net from 'node:net';\nexport class Client { constructor() { this.socket = net.connect(1); } close() { this.socket.end(); } }\n`);
    write('factory.js', `import { Client } from './client.js';\nexport function connectTo() { return new Client(); }\n`);
    // The same, two imports away, and through a cycle.
    write('barrel.js', `export * from './factory.js';\nimport './cycle.js';\n`);
    write('cycle.js', `import './barrel.js';\n`);
    write('far.js', `import { connectTo } from './barrel.js';\nexport function open() { return connectTo(); }\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not parse a class file that can reach no start', () => {
    expect(contextForRelativeImport(from(), './plain.js', 'Plain', undefined, 'class')).toBeUndefined();
  });

  it('parses a class file whose imports may start something', () => {
    expect(contextForRelativeImport(from(), './ticking.js', 'Ticking', undefined, 'class')).toBeDefined();
  });

  it('does not parse a class file with no method that could end what it starts', () => {
    expect(contextForRelativeImport(from(), './noend.js', 'NoEnd', undefined, 'class')).toBeUndefined();
  });

  it('still parses such files when settings.leaks may name other teardowns', () => {
    const settings = { leaks: { teardownMethods: ['release'] } };
    expect(contextForRelativeImport(from(), './noend.js', 'NoEnd', settings, 'class')).toBeDefined();
  });

  it('does not parse a factory file that can reach no connection', () => {
    expect(contextForRelativeImport(from(), './intervals.js', 'make', undefined, 'factory')).toBeUndefined();
    // Asked for any function (a summary: the interval is a start), it is parsed.
    expect(contextForRelativeImport(from(), './intervals.js', 'make', undefined)).toBeDefined();
  });

  it('parses a factory file whose imports reach a class that may hold a connection, however far', () => {
    expect(contextForRelativeImport(from(), './factory.js', 'connectTo', undefined, 'factory')).toBeDefined();
    expect(contextForRelativeImport(from(), './far.js', 'open', undefined, 'factory')).toBeDefined();
  });

  it('sees a start added to an imported file on disk', () => {
    write('later.js', `export const later = 1;\n`);
    write('waits.js', `import { later } from './later.js';\nexport class Waits { close() { return later; } }\n`);
    expect(contextForRelativeImport(from(), './waits.js', 'Waits', undefined, 'class')).toBeUndefined();
    write('later.js', `export const later = setInterval(() => {}, 1000);\n`);
    expect(contextForRelativeImport(from(), './waits.js', 'Waits', undefined, 'class')).toBeDefined();
  });
});
