import { abortSignal } from './abortSignal';
import { amqp } from './amqp';
import { axon } from './axon';
import { bonjourService } from './bonjour';
import { bullmq } from './bullmq';
import { etcd3 } from './etcd3';
import { electron } from './electron';
import { eventEmitter } from './eventEmitter';
import { eventTarget } from './eventTarget';
import { graphqlSubscriptions } from './graphqlSubscriptions';
import { graphqlWs } from './graphqlWs';
import { httpClients } from './httpClients';
import { httpServers } from './httpServers';
import { ioredis } from './ioredis';
import { jaegerClient } from './jaegerClient';
import { kafkajs } from './kafkajs';
import { language } from './language';
import { lifecycles } from './lifecycles';
import { moduleLoaders } from './moduleLoaders';
import { mongodb } from './mongodb';
import { mqtt } from './mqtt';
import { nats } from './nats';
import { nodeHandles } from './nodeHandles';
import { nodeRedis } from './nodeRedis';
import { observers } from './observers';
import { platformaticKafka } from './platformaticKafka';
import { postgres } from './postgres';
import { rxjs } from './rxjs';
import { schedulers } from './schedulers';
import { servers } from './servers';
import { serviceClients } from './serviceClients';
import { timers } from './timers';
import { watchers } from './watchers';
import { webSockets } from './webSockets';
import { workerThreads } from './workerThreads';
import { yProtocols } from './yProtocols';

/** Every family the engine knows, one descriptor each: `src/analysis/apis.ts` derives its tables from this list. */
export const families = [
  ioredis,
  nodeRedis,
  eventEmitter,
  eventTarget,
  timers,
  rxjs,
  watchers,
  kafkajs,
  amqp,
  nats,
  mqtt,
  postgres,
  mongodb,
  bullmq,
  webSockets,
  servers,
  workerThreads,
  electron,
  observers,
  graphqlSubscriptions,
  graphqlWs,
  httpServers,
  schedulers,
  httpClients,
  language,
  lifecycles,
  abortSignal,
  moduleLoaders,
  platformaticKafka,
  nodeHandles,
  etcd3,
  axon,
  yProtocols,
  bonjourService,
  jaegerClient,
  serviceClients,
] as const;
