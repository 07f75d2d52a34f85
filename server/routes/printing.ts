import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { checkPrinterAddress } from '../../common/domain/config.js';
import { errors } from '../../common/domain/errors.js';
import { MANAGERS, requireDevice, requireUser } from '../plugins/auth.js';
import { deviceView } from '../services/auth-service.js';
import { configErrors } from '../services/config-service.js';
import { assertHall, isManager } from '../services/guards.js';
import { isUsablePrinter, printerView } from '../services/print-service.js';
import type { StoreTx } from '../store/store.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

const Address = Type.String({ minLength: 1, maxLength: 120, description: 'host:port of the printer (raw TCP, usually port 9100)' });
const PaperWidth = Type.Union([Type.Literal(58), Type.Literal(80)], { description: 'Paper width in mm' });

/**
 * The kiosk's own view (its hall, the issuing rules it must show, its printer), reprinting a
 * ticket or rating slip, and managing network printers (add, change, check).
 */
const printing: FastifyPluginAsync = async (app) => {
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
    async (request) => {
      const device = requireDevice(request, ['kiosk']);
      const [hall, printer] = await app.store.read(
        async (tx) => [await tx.halls.get(device.hallId), device.printerId ? await tx.devices.get(device.printerId) : null] as const,
      );
      if (!hall) throw errors.notFound('大厅', 'Hall');
      return {
        now: app.clock(),
        hall: { id: hall.id, name: hall.name, timezone: hall.timezone },
        device: { id: device.id, name: device.name },
        issuing: {
          selfDeclaredPriority: hall.settings.issuing.selfDeclaredPriority,
          allowWhenNoWindowOpen: hall.settings.issuing.allowWhenNoWindowOpen,
        },
        // The hall takes appointments: the kiosk offers 预约签到.
        appointments: hall.settings.appointment.enabled,
        printer: isUsablePrinter(printer, hall.id) ? printerView(printer) : null,
        publicBase: app.publicBase(),
      };
    },
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
        params: Type.Object({ ticketId: Id }),
        headers: IdempotencyHeader,
        body: Type.Object({
          kind: Type.Union([Type.Literal('ticket'), Type.Literal('slip')], { default: 'ticket' }),
          printerId: Type.Optional(Id),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { ticketId } = request.params as { ticketId: number };
      const body = request.body as { kind: 'ticket' | 'slip'; printerId?: number };
      return app.printService.reprint(request.actor!, ticketId, { kind: body.kind, printerId: body.printerId ?? null });
    },
  );

  app.post(
    '/halls/:hallId/printers',
    {
      schema: {
        tags: ['printing'],
        summary: 'Add a network printer (manager); assign it to a kiosk at pairing, or place it at a window for rating slips',
        params: Type.Object({ hallId: Id }),
        headers: IdempotencyHeader,
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 60 }),
          address: Address,
          paperWidth: Type.Optional(PaperWidth),
          windowId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: { ...errorResponses, 201: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (request, reply) => {
      requireUser(request, MANAGERS);
      const { hallId } = request.params as { hallId: number };
      const body = request.body as { name: string; address: string; paperWidth?: 58 | 80; windowId?: number | null };
      const address = checkPrinterAddress(body.address);
      const name = body.name.trim();
      if (!name) throw errors.invalidInput('请填写打印机名称。', 'Give the printer a name.', { field: 'name' });
      const created = await app.hallService.command(request.actor!, hallId, idempotencyOf(request), async ({ tx, ctx, emit }) => {
        if (!isManager(request.actor!)) throw errors.forbidden();
        const windowId = body.windowId ?? null;
        if (windowId !== null && !ctx.windowById.has(windowId)) throw errors.notFound('窗口', 'Window');
        await assertAddressFree(tx, hallId, address, null);
        const device = await tx.devices.insert({
          hallId,
          kind: 'printer',
          name,
          status: 'active',
          tokenHash: null,
          pairingCode: null,
          pairingExpiresAt: null,
          windowId,
          zoneId: null,
          printerId: null,
          address,
          settings: { paperWidth: body.paperWidth ?? 80 },
          state: {},
        });
        await emit({ type: 'device:updated', data: { deviceId: device.id, kind: 'printer', action: 'added' } }, { deviceIds: [device.id] });
        return deviceView(device);
      });
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/printers/:printerId',
    {
      schema: {
        tags: ['printing'],
        summary: "Change a printer's name, address, paper width or window (manager)",
        params: Type.Object({ printerId: Id }),
        headers: IdempotencyHeader,
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          address: Type.Optional(Address),
          paperWidth: Type.Optional(PaperWidth),
          windowId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { printerId } = request.params as { printerId: number };
      const body = request.body as { name?: string; address?: string; paperWidth?: 58 | 80; windowId?: number | null };
      const printer = await app.store.read((tx) => tx.devices.get(printerId));
      if (!printer || printer.kind !== 'printer') throw errors.notFound('打印机', 'Printer');
      const address = body.address !== undefined ? checkPrinterAddress(body.address) : undefined;
      const name = body.name?.trim();
      if (name === '') throw errors.invalidInput('请填写打印机名称。', 'Give the printer a name.', { field: 'name' });
      return app.hallService.command(request.actor!, printer.hallId, idempotencyOf(request), async ({ tx, ctx, emit }) => {
        if (body.windowId != null && !ctx.windowById.has(body.windowId)) throw errors.notFound('窗口', 'Window');
        if (address) await assertAddressFree(tx, printer.hallId, address, printerId);
        const current = (await tx.devices.get(printerId))!;
        await tx.devices.update(printerId, {
          ...(name ? { name } : {}),
          ...(address ? { address } : {}),
          ...(body.windowId !== undefined ? { windowId: body.windowId } : {}),
          ...(body.paperWidth ? { settings: { ...current.settings, paperWidth: body.paperWidth } } : {}),
        });
        const updated = (await tx.devices.get(printerId))!;
        await emit(
          { type: 'device:updated', data: { deviceId: printerId, kind: 'printer', action: 'changed' } },
          { deviceIds: [printerId] },
        );
        return deviceView(updated);
      });
    },
  );

  app.post(
    '/printers/:printerId/check',
    {
      schema: {
        tags: ['printing'],
        summary: 'Ask a printer for its status now (DLE EOT) without printing (manager)',
        params: Type.Object({ printerId: Id }),
        headers: IdempotencyHeader,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { printerId } = request.params as { printerId: number };
      const printer = await app.store.read((tx) => tx.devices.get(printerId));
      if (!printer || printer.kind !== 'printer') throw errors.notFound('打印机', 'Printer');
      assertHall(request.actor!, printer.hallId);
      if (!isUsablePrinter(printer, printer.hallId))
        throw errors.invalidInput('此打印机已停用或没有地址。', 'This printer is revoked or has no address.');
      return app.printService.checkPrinter(printer);
    },
  );
};
/** Two active printers at one address would print each other's jobs: refused. */
async function assertAddressFree(tx: StoreTx, hallId: number, address: string, exceptId: number | null): Promise<void> {
  const taken = (await tx.devices.list(hallId)).some(
    (d) => d.kind === 'printer' && d.status === 'active' && d.address === address && d.id !== exceptId,
  );
  if (taken) throw configErrors.taken('打印机地址', 'printer address', address, 'address');
}

export default printing;
