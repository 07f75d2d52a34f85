/**
 * One user action at a time, as a Lit reactive controller. `run` ignores a second tap while an
 * action is in flight (`busy`), clears the last error, and turns a failure into the message to
 * show (`error`, in the screen's language; the server's code in `errorCode`), then lets the page
 * recover (reload what may have changed meanwhile). Pages that send a command on a tap use it
 * instead of keeping their own busy flag.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiRequestError, errorMessage } from './api.js';
import { getLocale } from './i18n.js';

export class ActionController implements ReactiveController {
  busy = false;
  error = '';
  errorCode = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the last error (the visitor moved on). */
  clear(): void {
    this.error = '';
    this.errorCode = '';
    this.host.requestUpdate();
  }

  /**
   * Runs `work` unless an action is in flight. On failure the message is recorded and `recover`
   * runs before the action ends (so nothing can be tapped on a stale view). True when `work` did.
   */
  async run(work: () => Promise<void>, recover?: (err: unknown) => Promise<unknown> | void): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.clear();
    try {
      await work();
      return true;
    } catch (err) {
      this.error = errorMessage(err, getLocale());
      this.errorCode = err instanceof ApiRequestError ? err.code : '';
      await recover?.(err);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
