import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// An ES5 class of the file (`function MetricsReporter() {}` with prototype methods): a call on an
// instance (`reporter.collect()`, `const reporter = new MetricsReporter()`) runs the prototype's
// method, and `this.collect()` inside another prototype method does too. Plain JavaScript: with
// types, the checker reads the prototype assignments of a JavaScript file itself.
const reporter = (collect: string, tick: string): string => `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
function MetricsReporter() {
  this.counts = {};
}
MetricsReporter.prototype.collect = function () {${collect}
};
MetricsReporter.prototype.tick = function () {
  this.collect();
};
const reporter = new MetricsReporter();
setInterval(() => reporter.${tick}(), 10000);
`;

const leaks = "\n  bus.on('request', (route) => { this.counts[route] = 1; });";
const ends = "\n  const onRequest = (route) => { this.counts[route] = 1; };\n  bus.on('request', onRequest);\n  setTimeout(() => bus.off('request', onRequest), 1000);";

javascriptRuleTester.run('no-repeated-subscription: methods of an instance of an ES5 class of the file (JavaScript)', rule, {
  valid: [
    // the method removes its listener when it is done
    reporter(ends, 'collect'),
    reporter(ends, 'tick'),
  ],
  invalid: [
    {
      // each tick adds one more listener to the module's bus, through the prototype method
      code: reporter(leaks, 'collect'),
      errors: [{ messageId: 'repeatedCall', line: 15, column: 19, endLine: 15, endColumn: 35 }],
    },
    {
      // through `this.collect()` in another prototype method
      code: reporter(leaks, 'tick'),
      errors: [{ messageId: 'repeatedCall', line: 15, column: 19, endLine: 15, endColumn: 32 }],
    },
  ],
});
