import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A removal handed a function made on the spot (`this.onKey.bind(this)`, an inline arrow) removes
// nothing: `bind` makes a new function each time, equal to none added before. A custom element
// whose disconnectedCallback "removes" its document listener that way adds one more on every
// attach. The correct idioms keep the one function they add and remove that.
const element = (add: string, remove: string, members = '') => `
export class ShortcutHelp extends HTMLElement {
  open = false;
${members}
  connectedCallback(): void {
    document.addEventListener('keydown', ${add});
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', ${remove});
  }

  onKeyDown(event: KeyboardEvent): void {
    if (event.key === '?') this.open = !this.open;
  }
}
`;

const removedWithNewFunction = (code: string, column: number, endColumn: number) => ({
  messageId: 'listenerRemovedWithNewFunction' as const,
  data: { code, label: "a 'keydown' listener", target: 'document', outlives: 'a global', line: '10' },
  line: 6,
  column,
  endLine: 6,
  endColumn,
});

runInBothModes('no-leaked-subscription: a removal handed a new function', rule, {
  valid: [
    // bound once, in a field: the same function is added and removed
    element('this.onKey', 'this.onKey', '  private readonly onKey = this.onKeyDown.bind(this);'),
    // an arrow field
    element('this.onKey', 'this.onKey', '  private readonly onKey = (event: KeyboardEvent) => this.onKeyDown(event);'),
    // a function bound once in a local and removed in the same function
    `
export function follow(target: EventTarget, onKey: (event: Event) => void) {
  const bound = onKey.bind(null);
  target.addEventListener('keydown', bound);
  return () => target.removeEventListener('keydown', bound);
}
`,
    // \`bind\` of an object that is not a function: a registry that hands back the listener it keeps
    `
import { EventEmitter } from 'node:events';
const registry = { listeners: new Map<string, () => void>(), bind(name: string) { return this.listeners.get(name) ?? (() => {}); } };
export function watch(bus: EventEmitter) {
  bus.on('job', registry.bind('job'));
  return () => bus.off('job', registry.bind('job'));
}
`,
  ],
  invalid: [
    {
      code: element('this.onKeyDown.bind(this)', 'this.onKeyDown.bind(this)'),
      errors: [removedWithNewFunction('document.addEventListener(…)', 5, 30)],
    },
    {
      // an inline arrow removed by another inline arrow
      code: element('(event) => this.onKeyDown(event)', '(event) => this.onKeyDown(event)'),
      errors: [removedWithNewFunction('document.addEventListener(…)', 5, 30)],
    },
    {
      // an emitter's off() handed a new bound function, in the class's stop()
      code: `
export class Reloader {
  start(): void {
    process.on('message', this.reload.bind(this));
  }

  stop(): void {
    process.off('message', this.reload.bind(this));
  }

  reload(): void {
    console.log('reloading');
  }
}
`,
      errors: [
        {
          messageId: 'listenerRemovedWithNewFunction',
          data: { code: 'process.on(…)', label: "a 'message' listener", target: 'process', outlives: 'a global', line: '8' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: a removal handed a new function (javascript)', rule, {
  valid: [
    `
export class Poller {
  constructor() {
    this.onVisible = this.refresh.bind(this);
  }
  start() {
    document.addEventListener('visibilitychange', this.onVisible);
  }
  stop() {
    document.removeEventListener('visibilitychange', this.onVisible);
  }
  refresh() {}
}
`,
  ],
  invalid: [
    {
      code: `
export class Poller {
  start() {
    document.addEventListener('visibilitychange', this.refresh.bind(this));
  }
  stop() {
    document.removeEventListener('visibilitychange', this.refresh.bind(this));
  }
  refresh() {}
}
`,
      errors: [
        {
          messageId: 'listenerRemovedWithNewFunction',
          data: { code: 'document.addEventListener(…)', label: "a 'visibilitychange' listener", target: 'document', outlives: 'a global', line: '7' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`start()`' },
              output: `
export class Poller {
  start(signal) {
    document.addEventListener('visibilitychange', this.refresh.bind(this), { signal });
  }
  stop() {
    document.removeEventListener('visibilitychange', this.refresh.bind(this));
  }
  refresh() {}
}
`,
            },
          ],
        },
      ],
    },
  ],
});
