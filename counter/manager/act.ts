/**
 * How the manager console's views talk to the shell: a short message at the bottom of the
 * screen (`toast`), going to another view (`navigate`), and running one API action with its
 * outcome said (`act`).
 */
import { errorMessage } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';

export interface ToastDetail {
  message: string;
  kind: 'ok' | 'error';
}

export function toast(from: EventTarget, message: string, kind: ToastDetail['kind'] = 'ok'): void {
  from.dispatchEvent(new CustomEvent<ToastDetail>('m-toast', { detail: { message, kind }, bubbles: true, composed: true }));
}

/** Goes to a view: 'live', 'dispatch/12', 'config/services', 'stats', 'cases/3', 'audit'. */
export function navigate(from: EventTarget, route: string): void {
  from.dispatchEvent(new CustomEvent<string>('m-navigate', { detail: route, bubbles: true, composed: true }));
}

/** Runs `work`; says `done` when it worked, or the server's reason when it did not. */
export async function act(from: EventTarget, work: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await work();
    if (done) toast(from, done, 'ok');
    return true;
  } catch (err) {
    toast(from, errorMessage(err, getLocale()), 'error');
    return false;
  }
}
