import { eventEmitter } from './eventEmitter';
import { eventTarget } from './eventTarget';
import { httpClients } from './httpClients';
import { httpServers } from './httpServers';
import { ioredis } from './ioredis';
import { language } from './language';
import { nodeRedis } from './nodeRedis';
import { rxjs } from './rxjs';
import { schedulers } from './schedulers';
import { timers } from './timers';
import { watchers } from './watchers';

/** Every family the engine knows, one descriptor each: `src/analysis/apis.ts` derives its tables from this list. */
export const families = [
  ioredis,
  nodeRedis,
  eventEmitter,
  eventTarget,
  timers,
  rxjs,
  watchers,
  httpServers,
  schedulers,
  httpClients,
  language,
] as const;
