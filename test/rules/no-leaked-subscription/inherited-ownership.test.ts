import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// What a superclass in another file does with what it is handed, and what a target's class does
// at its own end, read through the checker (test/fixtures/project/publications.ts).
//
// A parameter handed to a method of the same object that keeps it (`super.addPublication(p)`
// putting it in the participant's map, `super.setTrack(track)` storing it on `this.track`) is the
// object's, as one it stores itself: what it attaches there is the object's business (livekit's
// RemoteParticipant and track publications). A superclass method that only reads it adopts nothing.
const participant = (add: string): string => `
import { BaseParticipant, Publication } from './publications';

export class RemoteParticipant extends BaseParticipant {
  protected addPublication(publication: Publication): void {
    ${add}
    publication.on('updated', () => this.emit('publicationUpdated', publication));
  }
}
`;

// The swap: the handlers are removed from the previous track before the superclass stores the new one.
const swap = (store: string): string => `
import { EventEmitter } from 'node:events';
import { BasePublication } from './publications';

export class LocalPublication extends BasePublication {
  private readonly onEnded = (): void => {
    this.emit('ended');
  };
  setTrack(track?: EventEmitter): void {
    if (this.track) this.track.off('ended', this.onEnded);
    ${store}
    if (track) track.on('ended', this.onEnded);
  }
}
`;

// A target whose class's close() removes every listener on it (livekit's RTC engine, made per
// connection) takes the listeners along when it ends; one that removes only one event's does not.
const engineUser = (engine: string): string => `
import { ${engine} } from './publications';

export class Participant {
  setupEngine(engine: ${engine}): void {
    engine.on('reconnected', () => this.resend());
  }
  resend(): void {}
}
`;

const filename = 'project/participant.ts';

// A module-level engine lives as long as the module, whatever its close() would do: a listener a
// widget adds on every mount and never removes piles up on it.
const sharedEngine = `
import { Engine } from './publications';

const shared = new Engine();

export class Widget {
  mount(): void {
    shared.on('reconnected', () => this.resend());
  }
  resend(): void {}
}
`;

const notRemoved = (code: string, label: string, target: string, line: number, column: number, endColumn: number) => ({
  messageId: 'listenerNotRemoved' as const,
  data: { code, label, target, outlives: 'a parameter' },
  line,
  column,
  endLine: line,
  endColumn,
});

typedRuleTester.run('no-leaked-subscription: ownership and ends read from another file (typed)', rule, {
  valid: [
    { filename, code: participant('super.addPublication(publication);') },
    { filename, code: swap('super.setTrack(track);') },
    { filename, code: swap('this.track = track;') },
    { filename, code: engineUser('Engine') },
  ],
  invalid: [
    {
      filename,
      code: sharedEngine,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'shared.on(…)', label: "a 'reconnected' listener", target: 'shared', outlives: 'module-level' },
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: sharedEngine.replace('mount(): void', 'mount(signal?: AbortSignal): void').replace(
                "    shared.on('reconnected', () => this.resend());",
                `    const onReconnected = () => this.resend();
    shared.on('reconnected', onReconnected);
    if (signal?.aborted) shared.off('reconnected', onReconnected);
    else signal?.addEventListener('abort', () => shared.off('reconnected', onReconnected), { once: true });`,
              ),
            },
          ],
        },
      ],
    },
    {
      filename,
      code: participant('super.logPublication(publication);'),
      errors: [notRemoved('publication.on(…)', "an 'updated' listener", 'publication', 7, 5, 19)],
    },
    {
      filename,
      code: engineUser('PartialEngine'),
      errors: [
        {
          ...notRemoved('engine.on(…)', "a 'reconnected' listener", 'engine', 6, 5, 14),
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: engineUser('PartialEngine')
                .replace('engine: PartialEngine)', 'engine: PartialEngine, signal?: AbortSignal)')
                .replace(
                  "    engine.on('reconnected', () => this.resend());",
                  `    const onReconnected = () => this.resend();
    engine.on('reconnected', onReconnected);
    if (signal?.aborted) engine.off('reconnected', onReconnected);
    else signal?.addEventListener('abort', () => engine.off('reconnected', onReconnected), { once: true });`,
                ),
            },
          ],
        },
      ],
    },
  ],
});

// Without types the superclass's body and the target's class are not read: the swap through the
// superclass is still reported, and the rest stays quiet (a receiver of another file's class, unknown).
untypedRuleTester.run('no-leaked-subscription: ownership and ends read from another file (untyped)', rule, {
  valid: [
    { filename: `${fixturesDir}/${filename}`, code: participant('super.addPublication(publication);') },
    { filename: `${fixturesDir}/${filename}`, code: swap('this.track = track;') },
    { filename: `${fixturesDir}/${filename}`, code: engineUser('Engine') },
  ],
  invalid: [
    {
      filename: `${fixturesDir}/${filename}`,
      code: swap('super.setTrack(track);'),
      errors: [notRemoved("track.on('ended', this.onEnded)", "an 'ended' listener", 'track', 12, 16, 24)],
    },
  ],
});
