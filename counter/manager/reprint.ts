/**
 * 补打: a manager prints a ticket, or the rating slip of a finished one, again (marked 补打 on the
 * paper), from wherever the ticket is found: a queue's or a window's ticket in the live hall, or
 * by the number a visitor says (GET /api/halls/:hallId/tickets/lookup). It waits for the printer
 * and says what came out; a printer problem keeps the dialog open with what to do.
 */
import { msg, str } from '@lit/localize';
import type { TicketLookupView } from '../../common/manager-protocol.js';
import type { TicketView } from '../../common/protocol.js';
import type { ApiClient } from '../../common/ui/api.js';
import type { PrintResult } from '../../common/printing.js';
import { toast } from './act.js';
import { activePrinters, printerOptions } from './device-dialog.js';
import { FieldError, type Dialogs } from './dialogs.js';
import type { FieldSpec } from './form-dialog.js';
import type { HallStore } from './hall-store.js';
import { printProblemLabel } from './labels.js';

export async function openReprint(
  host: HTMLElement,
  api: ApiClient,
  dialogs: Dialogs,
  store: HallStore,
  ticket: Pick<TicketView, 'id' | 'number' | 'status'> | null,
): Promise<void> {
  if (!store.config) await store.loadConfig();
  const printers = store.config ? activePrinters(store.config) : [];
  const fields: FieldSpec[] = [];
  if (!ticket)
    fields.push({
      name: 'number',
      label: msg('号码'),
      kind: 'text',
      required: true,
      maxLength: 10,
      placeholder: 'A012',
      hint: msg('今天取的号；号码每天从头开始'),
    });
  fields.push(
    {
      name: 'kind',
      label: msg('补打'),
      kind: 'select',
      options: [
        { value: 'ticket', label: msg('号票') },
        { value: 'slip', label: msg('评价提示单（已办结的号）'), disabled: ticket !== null && ticket.status !== 'done' },
      ],
    },
    {
      name: 'printerId',
      label: msg('打印机'),
      kind: 'select',
      options: printerOptions(printers, msg('原来的打印机')),
      hint: msg('号票默认在取号时的打印机补打，评价提示单在所在窗口的打印机补打'),
    },
  );
  dialogs.open({
    heading: ticket ? msg(str`补打 ${ticket.number}`) : msg('补打号票'),
    sub: msg('补打的号票上印有“补打”；号码不变，群众仍按原来的顺序叫号。'),
    fields,
    values: { number: '', kind: 'ticket', printerId: '' },
    confirm: msg('补打'),
    submit: async (v) => {
      let id = ticket?.id ?? 0;
      let number = ticket?.number ?? '';
      if (!ticket) {
        const found = await api.get<TicketLookupView>(
          `/api/halls/${store.hallId}/tickets/lookup?number=${encodeURIComponent(String(v.number).trim())}`,
        );
        id = found.ticket.id;
        number = found.ticket.number;
      }
      const result = await api.post<PrintResult>(
        `/api/tickets/${id}/reprint`,
        { kind: v.kind, ...(v.printerId ? { printerId: Number(v.printerId) } : {}) },
        { timeoutMs: 30_000 },
      );
      if (!result.printed) throw new FieldError(msg(str`${number} 没有打印出来：${printProblemLabel(result.problem)}`), 'printerId');
      const printer = store.config?.devices.find((d) => d.id === result.printerId)?.name ?? '';
      toast(host, v.kind === 'slip' ? msg(str`已补打 ${number} 的评价提示单（${printer}）`) : msg(str`已补打 ${number}（${printer}）`));
    },
  });
}
