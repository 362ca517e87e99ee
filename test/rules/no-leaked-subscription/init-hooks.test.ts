import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A framework's init hook (NestJS `onModuleInit`, Angular `ngOnInit`, React `componentDidMount`) runs
// once on each object it makes, after the constructor: a listener it adds to what the object was
// given lives with the object, as one the constructor adds does. What it starts on its own is
// still the object's to end. Not so for a UI component, known by where its base class or decorator
// comes from (React's `Component`, Angular's `@Component`): it mounts and unmounts with its view
// while its props and injected services live on, so what it attaches to them must be removed, and
// what it keeps on itself must be ended when it goes, by the method the framework calls then.
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
import { Component, OnDestroy, OnInit } from '@angular/core';
import type { EventEmitter } from 'node:events';

@Component({ selector: 'app-feed', template: '' })
export class FeedComponent implements OnInit, OnDestroy {
  constructor(private readonly feed: EventEmitter) {}
  private readonly onItem = (item: unknown) => console.log(item);
  ngOnInit() {
    this.feed.on('item', this.onItem);
  }
  ngOnDestroy() {
    this.feed.off('item', this.onItem);
  }
}
`,
    // React: removed and cleared on unmount.
    `
import React from 'react';

export class Prices extends React.Component<{ feed: EventTarget }> {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onResize = () => this.forceUpdate();
  componentDidMount() {
    window.addEventListener('resize', this.onResize);
    this.timer = setInterval(() => this.forceUpdate(), 1000);
  }
  componentWillUnmount() {
    window.removeEventListener('resize', this.onResize);
    clearInterval(this.timer);
  }
  render() {
    return null;
  }
}
`,
    // A React prop removed on unmount, its type an interface of the file.
    `
import React from 'react';

interface ChatProps {
  socket: WebSocket;
}

export class Chat extends React.Component<ChatProps> {
  private readonly onMessage = (event: MessageEvent) => console.log(event.data);
  componentDidMount() {
    this.props.socket.addEventListener('message', this.onMessage);
  }
  componentWillUnmount() {
    this.props.socket.removeEventListener('message', this.onMessage);
  }
  render() {
    return null;
  }
}
`,
    // A class of the same shape that is no component: made once, it keeps its interval for good.
    `
export class Prices {
  private timer: ReturnType<typeof setInterval> | undefined;
  componentDidMount() {
    this.timer = setInterval(() => console.log('tick'), 1000);
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
    {
      // An Angular component is made and destroyed with its view; the injected feed lives on.
      code: `
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
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.feed.on(…)', label: "an 'item' listener", target: 'this.feed', outlives: 'given to the object' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 17,
        },
      ],
    },
    {
      // A React prop, typed by the base class's type argument: the parent's socket outlives each mount.
      code: `
import React from 'react';

export class Chat extends React.Component<{ socket: WebSocket }> {
  private readonly onMessage = (event: MessageEvent) => console.log(event.data);
  componentDidMount() {
    this.props.socket.addEventListener('message', this.onMessage);
  }
  render() {
    return null;
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.props.socket.addEventListener('mes…", label: "a 'message' listener", target: 'this.props.socket', outlives: 'given to the object' },
          line: 7,
          column: 5,
        },
      ],
    },
    {
      // A React class component with no componentWillUnmount: every mount leaves both running.
      code: `
import { Component } from 'react';

export class Prices extends Component {
  private timer: ReturnType<typeof setInterval> | undefined;
  componentDidMount() {
    window.addEventListener('resize', () => this.forceUpdate());
    this.timer = setInterval(() => this.forceUpdate(), 1000);
  }
  render() {
    return null;
  }
}
`,
      errors: [
        { messageId: 'listenerNotRemoved', data: { code: 'window.addEventListener(…)', label: "a 'resize' listener", target: 'window', outlives: 'a global' }, line: 7, column: 5 },
        {
          messageId: 'storedNoTeardown',
          data: { code: 'setInterval(…)', label: 'an interval', member: 'this.timer', teardown: 'componentWillUnmount' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 29,
        },
      ],
    },
  ],
});

// Plain JavaScript, parsed by espree (no `decorators` on its classes): the same judgement.
javascriptRuleTester.run('no-leaked-subscription: UI components in plain JavaScript', rule, {
  valid: [
    // No component: a handle kept on itself with no teardown is left alone.
    `
export class Ticker {
  start() {
    this.timer = setInterval(() => console.log('tick'), 1000);
  }
}
`,
  ],
  invalid: [
    {
      code: `
import React from 'react';

export class Clock extends React.PureComponent {
  componentDidMount() {
    this.timer = setInterval(() => this.forceUpdate(), 1000);
  }
  render() {
    return null;
  }
}
`,
      errors: [{ messageId: 'storedNoTeardown', data: { code: 'setInterval(…)', label: 'an interval', member: 'this.timer', teardown: 'componentWillUnmount' }, line: 6, column: 18 }],
    },
  ],
});
