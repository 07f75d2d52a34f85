import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireDevice, requireUser } from '../plugins/auth.js';
import { AnyObject, errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { NewPrinterBody, PrinterChangeBody, PrinterParams, ReprintBody } from '../schemas/printing.js';
import { TicketParams } from '../schemas/tickets.js';
import { idempotencyOf } from './common.js';

/**
 * The kiosk's own view (its hall, the issuing rules it must show, its printer), reprinting a
 * ticket or rating slip, and managing network printers (add, change, check).
 */
const printing: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kiosk',
    {
      schema: {
        tags: ['kiosk'],
        summary:
          'What a kiosk needs to know about itself: hall, issuing rules, whether it offers 预约签到, its printer and its state (kiosk)',
        response: errorResponses,
      },
    },
    async (request) => app.printService.kioskView(requireDevice(request, ['kiosk'])),
  );

  app.post(
    '/tickets/:ticketId/reprint',
    {
      schema: {
        tags: ['printing'],
        summary: 'Print a ticket, or the rating slip of a finished ticket, again (manager); marked 补打',
        description:
          'Waits for the printer (bounded) and answers what happened: printed, or the problem (paper_out, offline, timeout, cover_open, …). ' +
          'Without printerId the printer that printed it first is used.',
        params: TicketParams,
        headers: IdempotencyHeader,
        body: ReprintBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { kind, printerId } = request.body;
      return app.printService.reprint(request.actor!, request.params.ticketId, { kind, printerId: printerId ?? null });
    },
  );

  app.post(
    '/halls/:hallId/printers',
    {
      schema: {
        tags: ['printing'],
        summary: 'Add a network printer (manager); assign it to a kiosk at pairing, or place it at a window for rating slips',
        params: HallParams,
        headers: IdempotencyHeader,
        body: NewPrinterBody,
        response: { ...errorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      requireUser(request, MANAGERS);
      const created = await app.printService.addPrinter(request.actor!, request.params.hallId, request.body, idempotencyOf(request));
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/printers/:printerId',
    {
      schema: {
        tags: ['printing'],
        summary: "Change a printer's name, address, paper width or window (manager)",
        params: PrinterParams,
        headers: IdempotencyHeader,
        body: PrinterChangeBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.printService.updatePrinter(request.actor!, request.params.printerId, request.body, idempotencyOf(request));
    },
  );

  app.post(
    '/printers/:printerId/check',
    {
      schema: {
        tags: ['printing'],
        summary: 'Ask a printer for its status now (DLE EOT) without printing (manager)',
        params: PrinterParams,
        headers: IdempotencyHeader,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.printService.checkPrinterNow(request.actor!, request.params.printerId);
    },
  );
};
export default printing;
