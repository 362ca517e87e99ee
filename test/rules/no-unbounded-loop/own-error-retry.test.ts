import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A catch that goes round again only for an error this file throws itself, and hands every other
// failure on, answers a condition the program raised on purpose (kafkajs' fetch manager rebuilds
// its fetchers on a rebalance): a source closed for good fails with its own errors, which leave.
runInBothModes('no-unbounded-loop: a retry on an error the file throws itself', rule, {
  valid: [
    `
class RebalanceError extends Error {}

export function createFetchManager(getNodeIds: () => number[], startFetcher: (id: number, check: () => void) => Promise<void>) {
  const start = async () => {
    while (true) {
      const nodeIds = getNodeIds();
      const check = () => {
        if (getNodeIds().length !== nodeIds.length) throw new RebalanceError();
      };
      try {
        await Promise.all(nodeIds.map((id) => startFetcher(id, check)));
      } catch (error) {
        if (error instanceof RebalanceError) {
          console.debug('Rebalancing fetchers...');
          continue;
        }
        throw error;
      }
      break;
    }
  };
  return { start };
}
`,
    `
class StaleLeaseError extends Error {}

export async function holdLease(renew: () => Promise<number>, expected: () => number) {
  while (true) {
    try {
      const version = await renew();
      if (version !== expected()) throw new StaleLeaseError();
      return version;
    } catch (error) {
      if (!(error instanceof StaleLeaseError)) throw error;
      console.info('lease moved, renewing again');
    }
  }
}
`,
  ],
  invalid: [
    {
      // The error retried is not one this file throws: a failing source may raise it for ever.
      code: `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
    } catch (error) {
      if (error instanceof ConnectionError) continue;
      throw error;
    }
    break;
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              // The way round is the continue: the wait goes first, not after the throw.
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
import { ConnectionError } from './errors';

export async function connectLoop(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (error instanceof ConnectionError) continue;
      throw error;
    }
    break;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Its own error is retried, but so is every other one: falling off the catch goes round.
      code: `
class RebalanceError extends Error {}

export async function run(start: () => Promise<void>, check: () => boolean) {
  while (true) {
    try {
      if (!check()) throw new RebalanceError();
      await start();
      return;
    } catch (error) {
      if (error instanceof RebalanceError) continue;
      console.warn('start failed', error);
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
class RebalanceError extends Error {}

export async function run(start: () => Promise<void>, check: () => boolean) {
  while (true) {
    try {
      if (!check()) throw new RebalanceError();
      await start();
      return;
    } catch (error) {
      if (error instanceof RebalanceError) continue;
      console.warn('start failed', error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// kafkajs src/consumer/fetchManager.js, reduced.
javascriptRuleTester.run('no-unbounded-loop: a retry on an error the file throws itself (JavaScript)', rule, {
  valid: [
    `
const { KafkaJSFetcherRebalanceError } = require('../errors');

const createFetchManager = ({ getNodeIds, createFetcher }) => {
  let fetchers = [];
  const createFetchers = () => {
    const nodeIds = getNodeIds();
    const validateShouldRebalance = () => {
      const current = getNodeIds();
      if (nodeIds.some((nodeId) => !current.includes(nodeId))) {
        throw new KafkaJSFetcherRebalanceError();
      }
    };
    return nodeIds.map((nodeId) => createFetcher({ nodeId, validateShouldRebalance }));
  };
  const stop = async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.stop()));
  };
  const start = async () => {
    while (true) {
      fetchers = createFetchers();
      try {
        await Promise.all(fetchers.map((fetcher) => fetcher.start()));
      } catch (error) {
        await stop();
        if (error instanceof KafkaJSFetcherRebalanceError) {
          continue;
        }
        throw error;
      }
      break;
    }
  };
  return { start, stop };
};
module.exports = createFetchManager;
`,
  ],
  invalid: [],
});
