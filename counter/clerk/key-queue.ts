/**
 * What the clerk console does with a shortcut key that cannot act at once, so that a key never
 * does nothing without a word. Pure: the console keeps one `KeyQueue`, the tests read the rules.
 *
 * A key pressed while a command runs (the server has not answered yet) waits for it, and runs
 * when the command is done and the window has been reloaded, if it still applies to the window
 * as it is then. So Space then S, typed faster than the server answers, calls the next ticket
 * and then starts serving that ticket. Rules:
 *
 * 1. One key waits at most. A different key pressed while one waits is refused, with a note.
 * 2. The key of the command that is running, or of the key that waits, adds nothing: a double
 *    press never acts twice (docs/design.md, invariant 1: Space Space calls one ticket, never two).
 * 3. A command that failed (or whose result could not be loaded) drops the waiting key, with a
 *    note: it was meant for a state that did not come.
 * 4. A waiting key that does not apply to the new state (S after a call that found nobody) is
 *    dropped, with a note.
 * 5. A key whose action the window does not allow now, while nothing runs, is refused, with a note.
 *
 * The note stays until the clerk's next key or click, or until it is closed.
 */
import type { ActionId } from './actions.js';

/** Why a key did not act (or that it waits), for the clerk to read. */
export type KeyNote =
  | { kind: 'waiting'; action: ActionId }
  | { kind: 'refused-busy'; action: ActionId; waiting: ActionId }
  | { kind: 'dropped-failed'; action: ActionId }
  | { kind: 'dropped-not-applicable'; action: ActionId }
  | { kind: 'not-available'; action: ActionId };

/** What became of a key pressed while a command runs. */
export type Pressed = 'waits' | 'repeat' | 'refused';

export class KeyQueue {
  /** The key's action waiting for the running command, or null. */
  waiting: ActionId | null = null;
  /** What the clerk is told about the last key that could not act at once; null: nothing. */
  note: KeyNote | null = null;

  /**
   * A shortcut pressed while a command runs; `running`: the action (button or key) that started
   * it, null when none did (重排 in the missed list).
   */
  pressWhileBusy(action: ActionId, running: ActionId | null): Pressed {
    if (action === running || action === this.waiting) return 'repeat';
    if (this.waiting !== null) {
      this.note = { kind: 'refused-busy', action, waiting: this.waiting };
      return 'refused';
    }
    this.waiting = action;
    this.note = { kind: 'waiting', action };
    return 'waits';
  }

  /** A shortcut pressed while nothing runs, whose action the window does not allow now. */
  refuseNotAvailable(action: ActionId): void {
    this.note = { kind: 'not-available', action };
  }

  /**
   * The running command ended. `ok`: it succeeded and the window shows its result;
   * `available`: the actions the window allows now. Returns the waiting action to run now, or null.
   */
  commandDone(ok: boolean, available: ReadonlySet<ActionId>): ActionId | null {
    const action = this.waiting;
    this.waiting = null;
    if (action === null) return null;
    if (!ok) this.note = { kind: 'dropped-failed', action };
    else if (!available.has(action)) this.note = { kind: 'dropped-not-applicable', action };
    else {
      this.note = null;
      return action;
    }
    return null;
  }

  /** The clerk acted again (a key or a click) or closed the note. */
  clearNote(): void {
    this.note = null;
  }
}
