/**
 * Runs the clerk's commands one at a time, as a Lit reactive controller. Each user action gets
 * one idempotency key, kept for its retries: a double click, a key held down or a retry after a
 * network failure is answered by the server with the first result, never acted on twice.
 * While a command runs, `busy` names it and the console disables every action.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey, OfflineError } from '../../common/ui/api.js';
import type { DeskCommand } from './actions.js';

export type SendCommand = (command: DeskCommand, idempotencyKey: string) => Promise<unknown>;

export interface FailedCommand {
  command: DeskCommand;
  key: string;
  error: unknown;
  /** The server may or may not have acted (no answer came): retrying with the same key is safe. */
  unknownOutcome: boolean;
}

/** Automatic retries of a command that got no answer, before asking the clerk. */
const AUTO_RETRIES = 1;
const RETRY_DELAY_MS = 800;

export class CommandRunner implements ReactiveController {
  /** The command running now, or null. */
  busy: DeskCommand['kind'] | null = null;
  /** The last command that failed, until the next one runs or it is dismissed. */
  failed: FailedCommand | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: SendCommand,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs a command unless one is running; resolves true when the server confirmed it. */
  async run(command: DeskCommand, key: string = newIdempotencyKey()): Promise<boolean> {
    if (this.busy) return false;
    this.busy = command.kind;
    this.failed = null;
    this.host.requestUpdate();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.send(command, key);
          return true;
        } catch (error) {
          const unknownOutcome = error instanceof OfflineError;
          if (unknownOutcome && attempt < AUTO_RETRIES) {
            await this.sleep(RETRY_DELAY_MS);
            continue;
          }
          this.failed = { command, key, error, unknownOutcome };
          return false;
        }
      }
    } finally {
      this.busy = null;
      this.host.requestUpdate();
    }
  }

  /** Sends the failed command again under its first key. */
  retry(): Promise<boolean> {
    const failed = this.failed;
    return failed ? this.run(failed.command, failed.key) : Promise.resolve(false);
  }

  dismiss(): void {
    this.failed = null;
    this.host.requestUpdate();
  }
}

/** The HTTP request of each command on window `windowId`. */
export function commandRequest(windowId: number, command: DeskCommand): { path: string; body: Record<string, unknown> } {
  const path = (name: string) => `/api/windows/${windowId}/${name}`;
  switch (command.kind) {
    case 'call-next':
      return { path: path('call-next'), body: {} };
    case 'recall':
    case 'start':
    case 'finish':
    case 'no-show':
    case 'hold':
    case 'resume':
    case 'requeue':
      return { path: path(command.kind), body: { ticketId: command.ticketId } };
    case 'transfer': {
      const { kind: _kind, ...body } = command;
      return { path: path('transfer'), body };
    }
    case 'call':
      return { path: path('call'), body: { number: command.number, reason: command.reason } };
    case 'pause':
      return { path: path('status'), body: { status: 'paused', reason: command.reason } };
    case 'open':
      return { path: path('status'), body: { status: 'open' } };
    case 'close':
      return { path: path('status'), body: { status: 'closed' } };
  }
}
