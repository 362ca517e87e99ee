import type { Family } from './family';

/**
 * Methods that end an object's life, called by its owner, a framework or the platform: what a
 * class starts in its other methods and keeps on `this` must be ended there. NestJS
 * (`onModuleDestroy`, `beforeApplicationShutdown`), Angular (`ngOnDestroy`), custom elements
 * (`disconnectedCallback`), React class components (`componentWillUnmount`), Vue (`unmount`), moleculer (`stopped`),
 * explicit resource management (`[Symbol.dispose]`, `[Symbol.asyncDispose]`), and plain services.
 */
export const lifecycles = {
  name: 'lifecycles',
  teardownMethods: [
    'stop',
    'close',
    'destroy',
    'dispose',
    'Symbol.dispose',
    'Symbol.asyncDispose',
    'onModuleDestroy',
    'beforeApplicationShutdown',
    'ngOnDestroy',
    'disconnectedCallback',
    'componentWillUnmount',
    'unmount',
    'shutdown',
    // moleculer services and middlewares
    'stopped',
  ],
  // Called once per instance after construction: NestJS providers, Angular components, React class components.
  // Not a custom element's `connectedCallback`, which runs again each time the element is attached.
  initMethods: ['onModuleInit', 'onApplicationBootstrap', 'ngOnInit', 'componentDidMount'],
  // Mounted and unmounted with the view: what they attach to the app's objects must be removed.
  viewComponents: {
    react: { names: ['Component', 'PureComponent'], teardown: 'componentWillUnmount', props: 'props' },
    preact: { names: ['Component'], teardown: 'componentWillUnmount', props: 'props' },
    '@angular/core': { names: ['Component', 'Directive'], teardown: 'ngOnDestroy' },
    lit: { names: ['LitElement'], teardown: 'disconnectedCallback' },
    'lit-element': { names: ['LitElement'], teardown: 'disconnectedCallback' },
  },
  // A transport's `disconnect()` must close what its `connect()` opened, or every reconnect leaves one open.
  pairedTeardowns: { connect: 'disconnect' },
} as const satisfies Family;
