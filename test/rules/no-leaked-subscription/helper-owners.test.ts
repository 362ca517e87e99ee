import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A stored handle handed to an owner the file shows (an alias, a helper function or method) is
// ended there only if that owner ends it or hands it on; an owner the file does not show is trusted.
runInBothModes('no-leaked-subscription: a helper or alias given a stored handle must end it', rule, {
  valid: [
    // the teardown hands the server to a helper that closes it
    `
import http from 'node:http';

function closeServer(server: http.Server) {
  server.close();
}

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    if (this.server) closeServer(this.server);
    this.server = null;
  }
}
`,
    // the teardown reads the member into a local and closes that
    `
import http from 'node:http';

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    const server = this.server;
    this.server = null;
    server?.close();
  }
}
`,
    // a helper this file does not show is trusted
    `
import http from 'node:http';
import { shutDown } from './shutdown';

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    shutDown(this.server);
    this.server = null;
  }
}
`,
    // a helper that hands the server on again is trusted too
    `
import http from 'node:http';
import { shutDown } from './shutdown';

function stopServer(server: http.Server | null) {
  if (server) shutDown(server);
}

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    stopServer(this.server);
    this.server = null;
  }
}
`,
  ],
  invalid: [
    {
      // the helper only takes its listeners off: the server keeps its port
      code: `
import http from 'node:http';

function detach(server: http.Server) {
  server.removeAllListeners('request');
}

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    if (this.server) detach(this.server);
    this.server = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'http.createServer()', label: 'an HTTP server', member: 'this.server', teardown: 'close' },
          line: 11,
          column: 19,
          endLine: 11,
          endColumn: 36,
        },
      ],
    },
    {
      // the alias is only logged
      code: `
import http from 'node:http';

export class Hub {
  server: http.Server | null;
  constructor(port: number) {
    this.server = http.createServer();
    this.server.listen(port);
  }
  close() {
    const server = this.server;
    this.server = null;
    console.log('closing', server?.address());
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'http.createServer()', label: 'an HTTP server', member: 'this.server', teardown: 'close' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 36,
        },
      ],
    },
  ],
});
