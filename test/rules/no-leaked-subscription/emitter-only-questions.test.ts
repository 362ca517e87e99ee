import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// An object of no known kind that the code asks what only an emitter answers
// (`controller.listenerCount(event)`, `rawListeners(event)`) is an emitter, as one it makes
// `emit('name')` is: a listener each instance adds to a controller it was given, never removed
// by its teardown, stays on the controller (opossum lib/status.js:201). Without such a use, the
// name `on` says nothing about the receiver.
const status = (teardown: string, check = `this.controller.listenerCount('rotate') === 0`) => `
export class Status {
  controller;
  constructor(options: { controller?: any }) {
    this.controller = options.controller;
    if (this.controller && ${check}) {
      this.controller.on('rotate', this.rotate);
    }
  }
  rotate = () => {};
  shutdown() {
    ${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: an untyped receiver asked what only an emitter answers', rule, {
  valid: [
    // the teardown removes it
    status(`if (this.controller) this.controller.removeListener('rotate', this.rotate);`),
    // no use shows the controller is an emitter: its `on` may be anything's
    status(`this.stopped = true;`, `this.controller.size === 0`),
  ],
  invalid: [
    {
      code: status(`this.stopped = true;`),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.controller.on(…)', label: "a 'rotate' listener", target: 'this.controller', outlives: 'given to the object' },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 25,
        },
      ],
    },
  ],
});
