import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, typedRuleTester } from '../../ruleTester';

// A start in a callback of the repeated code, under a guard in that same callback on state kept
// outside it (node-red-node-mysql: `doConnect()` re-arms itself on failure, and its
// `getConnection` callback starts the health check only `if (!node.check)`): the slot is filled
// once, however often the repeated code runs (here the check itself reconnects on error). The guard is read in the function that holds the
// start, not only in the repeated function's own body.
const guardedInCallback = `
function MySQLNode(config) {
  const node = this;
  function checkVer() {
    node.pool.query('SELECT version();', [], (err) => { if (err) doConnect(); });
  }
  function doConnect() {
    node.pool.getConnection(function (err, connection) {
      if (err) {
        node.tick = setTimeout(doConnect, 5000);
      } else {
        if (!node.check) { node.check = setInterval(checkVer, 290000); }
        connection.release();
      }
    });
  }
  doConnect();
  node.on('close', () => { clearTimeout(node.tick); clearInterval(node.check); });
}
`;

// The same callback without the guard: each reconnect after a failure starts one more check.
const unguardedInCallback = guardedInCallback.replace('if (!node.check) { node.check = setInterval(checkVer, 290000); }', 'node.check = setInterval(checkVer, 290000);');

// Guarded on state the callback does not record: `node.connected` is never set, so the guard stops nothing.
const guardedOnOtherState = guardedInCallback.replace('if (!node.check) {', 'if (!node.connected) {');

for (const [name, tester] of [['javascript', javascriptRuleTester], ['typed', typedRuleTester]] as const) {
  tester.run(`no-repeated-subscription: a guard in the callback that holds the start (${name})`, rule, {
    valid: [guardedInCallback],
    invalid: [
      { code: unguardedInCallback, errors: [{ messageId: 'repeatedOverwrite', line: 12, column: 22, endLine: 12, endColumn: 33 }] },
      { code: guardedOnOtherState, errors: [{ messageId: 'repeatedOverwrite', line: 12, column: 45, endLine: 12, endColumn: 56 }] },
    ],
  });
}
