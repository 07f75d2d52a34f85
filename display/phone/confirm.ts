/**
 * "Are you sure?" inside a card, before giving up a ticket or a booking: the question, a way to
 * keep it, and the confirming button (styled by phoneStyles' `.confirm`).
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export function confirmBox(o: { question: string; busy: boolean; onKeep: () => void; onConfirm: () => void }): TemplateResult {
  return html`<div class="confirm" role="group">
    <p>${o.question}</p>
    <div class="choices">
      <button class="btn quiet" @click=${o.onKeep}>${msg('再想想')}</button>
      <button class="btn confirm-yes" data-testid="confirm-cancel" ?disabled=${o.busy} @click=${o.onConfirm}>${msg('确定取消')}</button>
    </div>
  </div>`;
}
