import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// In JavaScript a parameter's JSDoc type is a type: `@param {EventEmitter} server` with
// `const EventEmitter = require('events')` makes `server.on` a listener on an emitter, as a
// TypeScript annotation would (ws's `addListeners`). A type the file does not import, or that is
// not an emitter, says nothing.
javascriptRuleTester.run('no-leaked-subscription: receivers typed by JSDoc', rule, {
  valid: [
    // A helper that forwards its caller's target, event and listener: the caller holds all three
    // and removes it (see forwarding-helpers.test.ts).
    `
/**
 * @param {import('node:events').EventEmitter} obj
 */
function on(obj, ev, fn) {
  obj.on(ev, fn);
}
module.exports = { on };
`,
    // The disposer it returns removes them.
    `
const EventEmitter = require('events');

/**
 * @param {EventEmitter} server The event emitter
 * @param {Object.<String, Function>} map The listeners to add
 */
function addListeners(server, map) {
  for (const event of Object.keys(map)) server.on(event, map[event]);
  return function removeListeners() {
    for (const event of Object.keys(map)) server.removeListener(event, map[event]);
  };
}
module.exports = { addListeners };
`,
    // Not an emitter by its type: `.on` means something else.
    `
/**
 * @param {string} name
 */
function register(name, fn) {
  name.on('x', fn);
}
module.exports = { register };
`,
    // A union of an emitter and something else does not say which it is.
    `
const EventEmitter = require('events');
/**
 * @param {EventEmitter | string} target
 */
function listen(target, fn) {
  target.on('x', fn);
}
module.exports = { listen };
`,
    // Removed by the method the socket is handed on to (ws's handleUpgrade → completeUpgrade).
    `
const { Duplex } = require('stream');

class Server {
  /**
   * @param {Duplex} socket
   */
  handleUpgrade(socket) {
    socket.on('error', socketOnError);
    this.completeUpgrade(socket);
  }
  /**
   * @param {Duplex} socket
   */
  completeUpgrade(socket) {
    socket.removeListener('error', socketOnError);
  }
}
function socketOnError() {}
module.exports = { Server };
`,
    // Stored on the object while its listeners are attached: the object takes the socket over
    // (ws's WebSocket#setSocket; its listeners remove themselves on 'close').
    `
const { Duplex } = require('stream');

class WebSocket {
  /**
   * @param {Duplex} socket
   */
  setSocket(socket) {
    this._socket = socket;
    socket.on('close', socketOnClose);
  }
}
function socketOnClose() {
  this.removeListener('close', socketOnClose);
}
module.exports = { WebSocket };
`,
  ],
  invalid: [
    {
      code: `
const EventEmitter = require('events');

/**
 * @param {EventEmitter} server The event emitter
 * @param {Object.<String, Function>} map The listeners to add
 */
function addListeners(server, map) {
  for (const event of Object.keys(map)) server.on(event, map[event]);
  return function removeListeners() {};
}
module.exports = { addListeners };
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'server.on(event, map[event])', label: 'a listener', target: 'server', outlives: 'a parameter' },
          line: 9,
          column: 41,
          endLine: 9,
          endColumn: 50,
        },
      ],
    },
  ],
});
