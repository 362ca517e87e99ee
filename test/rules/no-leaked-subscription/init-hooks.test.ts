import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A framework's init hook (NestJS `onModuleInit`, Angular `ngOnInit`, React `componentDidMount`) runs
// once on each object it makes, after the constructor: a listener it adds to what the object was
// given lives with the object, as one the constructor adds does. What it starts on its own is
// still the object's to end.
const service = (init: string): string => `
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';

@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(private readonly redis: Redis) {}

  onModuleInit() {
    ${init}
  }
}
`;

runInBothModes('no-leaked-subscription: framework init hooks', rule, {
  valid: [
    service("this.redis.on('error', (error) => console.error(error));"),
    `
import { Component, OnInit } from '@angular/core';
import type { EventEmitter } from 'node:events';

@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit {
  constructor(private readonly feed: EventEmitter) {}
  ngOnInit() {
    this.feed.on('item', (item: unknown) => console.log(item));
  }
}
`,
  ],
  invalid: [
    {
      // Its own interval has no owner: nothing ends it when the module is destroyed.
      code: service('setInterval(() => void this.redis.ping(), 1000);'),
      errors: [{ messageId: 'handleDropped', line: 10, column: 5 }],
    },
    {
      // Only the init hook named by the framework: another method is called any number of times.
      code: service("this.redis.on('error', (error) => console.error(error));").replace('onModuleInit() {', 'watchErrors() {'),
      errors: [{ messageId: 'listenerNotRemoved', line: 10, column: 5 }],
    },
  ],
});
