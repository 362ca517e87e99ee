import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Compiled code writes `this.bus?.off(…)` through a temporary (`(_a = this.bus) === null || _a ===
// void 0 ? void 0 : _a.off(…)`): the removal is on `this.bus`, not on `_a`.
const view = (removal: string): string => `
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();

export class View {
  bus: EventEmitter | undefined = bus;
  constructor(private readonly render: () => void) {}
  mount() {
    this.bus?.on('change', this.render);
  }
  unmount() {
    let _a: EventEmitter | undefined;
    ${removal}
  }
}
`;

runInBothModes('no-leaked-subscription: removals written through down-levelled optional chains', rule, {
  valid: [
    view("(_a = this.bus) === null || _a === void 0 ? void 0 : _a.off('change', this.render);"),
    view("(_a = this.bus) == null || _a.removeListener('change', this.render);"),
  ],
  invalid: [
    {
      // the temporary holds the module's emitter, not the member the listener was added to
      code: view("(_a = bus) === null || _a === void 0 ? void 0 : _a.off('change', this.render);"),
      errors: [{ messageId: 'listenerNotRemoved', line: 10, column: 5 }],
    },
  ],
});
