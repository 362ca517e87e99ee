import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// An `async` function compiled for an older target is a generator handed to the compiler's helper
// (TypeScript's `__awaiter`, esbuild's `__async`, Babel's `_asyncToGenerator`), and its `yield` is an
// `await`: its endless loops are judged as the source's are. Reported without a fix or suggestion:
// an edit to compiled output is lost with the next build. A real generator's loop is its consumer's.
const awaiter = `var __awaiter = function (thisArg, _arguments, P, generator) {
  return new Promise(function (resolve) { resolve(generator.apply(thisArg, _arguments || []).next()); });
};`;

javascriptRuleTester.run('no-unbounded-loop: async functions as compilers write them (JavaScript)', rule, {
  valid: [
    // A signal check on every round.
    `
${awaiter}
exports.consume = function consume(queue, signal) {
  return __awaiter(this, void 0, void 0, function* () {
    while (true) {
      if (signal.aborted) return;
      const message = yield queue.receive();
      console.log(message);
    }
  });
};
`,
    // A pause after the try/catch: it does not spin.
    `
function _asyncToGenerator(fn) { return function () { return Promise.resolve(fn.apply(this, arguments).next()); }; }
export const poll = _asyncToGenerator(function* (client, signal) {
  while (!signal.aborted) {
    try {
      yield client.fetch();
    } catch (error) {
      console.warn(error);
    }
    yield new Promise((resolve) => setTimeout(resolve, 1000));
  }
});
`,
    // A real generator: its consumer decides how long it runs.
    `
export function* messages(queue) {
  while (true) {
    yield queue.receive();
  }
}
`,
    // A generator handed to a function of the user's own module, however it is named: a compiler's
    // helper is declared in the file or comes from its runtime (tslib, Babel's, swc's).
    `
const { __awaiter } = require('./flow');
exports.run = (queue) => __awaiter(this, void 0, void 0, function* () {
  while (true) {
    yield queue.receive();
  }
});
`,
    // A generator handed to something that is no compiler helper.
    `
import co from 'co';
export const run = (queue) => co(function* () {
  while (true) {
    yield queue.receive();
  }
});
`,
  ],
  invalid: [
    {
      code: `
${awaiter}
exports.consume = function consume(queue) {
  return __awaiter(this, void 0, void 0, function* () {
    while (true) {
      const message = yield queue.receive();
      if (message) console.log(message);
    }
  });
};
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'queue.receive()' }, line: 7, column: 5, endLine: 7, endColumn: 17 }],
    },
    {
      code: `
function _asyncToGenerator(fn) { return function () { return Promise.resolve(fn.apply(this, arguments).next()); }; }
function _poll() {
  _poll = _asyncToGenerator(function* (client) {
    while (true) {
      try {
        yield client.fetch();
      } catch (error) {
        continue;
      }
    }
  });
  return _poll.apply(this, arguments);
}
export function poll(client) {
  return _poll.apply(this, arguments);
}
`,
      errors: [
        { messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'client.fetch()' }, line: 5, column: 5 },
        { messageId: 'spinningCatch', line: 8, column: 9, suggestions: [] },
      ],
    },
    // TypeScript with \`importHelpers\`: the helper from tslib.
    {
      code: `
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tslib_1 = require("tslib");
function consume(queue) {
  return tslib_1.__awaiter(this, void 0, void 0, function* () {
    while (true) {
      console.log(yield queue.receive());
    }
  });
}
exports.consume = consume;
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'queue.receive()' }, line: 7, column: 5 }],
    },
    // Babel with @babel/runtime: the helper is the default export of its module, called without a \`this\`.
    {
      code: `
var _interopRequireDefault = require("@babel/runtime/helpers/interopRequireDefault");
var _asyncToGenerator2 = _interopRequireDefault(require("@babel/runtime/helpers/asyncToGenerator"));
exports.consume = /*#__PURE__*/function () {
  var _ref = (0, _asyncToGenerator2.default)(function* (queue) {
    for (;;) {
      console.log(yield queue.receive());
    }
  });
  return function consume(_x) {
    return _ref.apply(this, arguments);
  };
}();
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'for (;;)', awaited: 'queue.receive()' }, line: 6, column: 5 }],
    },
    // swc's helper, imported under the name swc gives it.
    {
      code: `
import { _ as _async_to_generator } from "@swc/helpers/_/_async_to_generator";
export function consume(queue) {
  return _async_to_generator(function* () {
    while (true) {
      console.log(yield queue.receive());
    }
  })();
}
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'queue.receive()' }, line: 5, column: 5 }],
    },
  ],
});

// TypeScript sources compile to the same: the loop in the source is reported with its fix; the
// compiled one, in a `.js` file of its own, above.
runInBothModes('no-unbounded-loop: esbuild-compiled async functions', rule, {
  valid: [],
  invalid: [
    {
      code: `
declare function __async(self: unknown, args: unknown, body: () => Generator<unknown, void, unknown>): Promise<void>;
export const consume = (queue: { receive(): Promise<string> }) =>
  __async(null, null, function* () {
    for (;;) {
      console.log(yield queue.receive());
    }
  });
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'for (;;)', awaited: 'queue.receive()' }, line: 5, column: 5 }],
    },
  ],
});
