import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester } from '../../ruleTester';

// TypeScript and Babel compile a call of an imported function to `(0, on_js_1.on)(socket, …)`: it
// runs `on_js_1.on` all the same, so the helper is followed as for `on_js_1.on(socket, …)`. A
// helper that only listens on the socket (test/fixtures/commonjs/on.js) does not take it over; one
// that closes it does.
const filename = path.join(fixturesDir, 'commonjs', 'manager.js');
const connect = (helper: string): string => `
"use strict";
const ws_1 = require("ws");
const on_js_1 = require("./on.js");
function connect(url, onMessage) {
    const socket = new ws_1.WebSocket(url);
    (0, on_js_1.${helper})(socket, "message", onMessage);
}
exports.connect = connect;
`;

javascriptRuleTester.run('no-leaked-subscription: compiled indirect calls of imported helpers', rule, {
  valid: [{ filename, code: connect('closeOnExit') }],
  invalid: [
    {
      filename,
      code: connect('on'),
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`connect()`' },
              output: connect('on')
                .replace('(url, onMessage)', '(url, onMessage, signal)')
                .replace(
                  'onMessage);\n}',
                  "onMessage);\n    if (signal?.aborted) socket.close();\n    else signal?.addEventListener('abort', () => socket.close(), { once: true });\n}",
                ),
            },
          ],
        },
      ],
    },
  ],
});
