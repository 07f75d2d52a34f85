/**
 * What the two ways a kiosk (or the guide desk) gets a ticket have in common: taking a number
 * (POST /halls/:hallId/tickets) and an appointment check-in (POST /halls/:hallId/bookings/check-in)
 * print on the same printer and answer the same way, so the kiosk shows and follows both alike.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KioskIssueView } from '../../common/phone.js';
import { errors } from '../../common/domain/errors.js';
import type { IssuedTicket } from '../services/issuing.js';
import { statusPath } from '../services/print-service.js';

/**
 * The printer a ticket issued by this request prints on: a kiosk prints on its own printer (none
 * when it has no usable one, and the visitor gets an e-ticket) and ignores `askedPrinterId`; staff
 * at the guide desk name theirs, and an unknown or unusable one is a 404 before anything is issued.
 */
export async function issuingPrinter(
  app: FastifyInstance,
  request: FastifyRequest,
  hallId: number,
  askedPrinterId: number | undefined,
): Promise<number | null> {
  if (request.device) return (await app.printService.usablePrinter(hallId, request.device.printerId))?.id ?? null;
  if (askedPrinterId === undefined) return null;
  const printer = await app.printService.usablePrinter(hallId, askedPrinterId);
  if (!printer) throw errors.notFound('打印机', 'Printer');
  return printer.id;
}

/** The issue answer: the ticket, its status page URL (the QR code), and what happened to the paper so far. */
export async function issueAnswer(app: FastifyInstance, issued: IssuedTicket, printerId: number | null): Promise<KioskIssueView> {
  // A retried request may find its print done already.
  const status = printerId ? ((await app.store.read((tx) => tx.tickets.get(issued.ticket.id)))?.printStatus ?? 'pending') : 'none';
  return { ...issued, statusUrl: app.publicBase() + statusPath(issued.publicCode), print: { status, printerId } };
}
