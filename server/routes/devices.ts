import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DEVICE_KINDS } from '../../common/vocabulary.js';
import { errors } from '../../common/domain/errors.js';
import { bearerToken, MANAGERS, requireDevice, requireUser } from '../plugins/auth.js';
import { deviceView, type DeviceSettingsInput } from '../services/auth-service.js';
import { assertHall } from '../services/guards.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

/**
 * Pairing: a new screen asks for a code (public, rate-limited) and shows it; a manager approves
 * the code; from then on the device authenticates with its own token.
 */
const devices: FastifyPluginAsync<{ pairingLimit: number }> = async (app, opts) => {
  /** The device of a manager's `/devices/:deviceId/…` request (its hall is checked by the command). */
  const managedDevice = async (request: FastifyRequest) => {
    requireUser(request, MANAGERS);
    const { deviceId } = request.params as { deviceId: number };
    const device = await app.store.read((tx) => tx.devices.get(deviceId));
    if (!device) throw errors.notFound('设备', 'Device');
    return device;
  };

  app.post(
    '/devices/pairing',
    {
      config: { rateLimit: { max: opts.pairingLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['devices'],
        summary: 'A new screen asks to be paired: returns its token (valid once approved) and the code to show',
        body: Type.Object({
          hallId: Id,
          kind: Type.Union(DEVICE_KINDS.filter((k) => k !== 'printer').map((k) => Type.Literal(k))),
        }),
        response: { ...errorResponses, 429: Type.Ref('ApiError') },
      },
    },
    async (request, reply) => {
      const { hallId, kind } = request.body as { hallId: number; kind: (typeof DEVICE_KINDS)[number] };
      const { device, token } = await app.authService.requestPairing(hallId, kind);
      return reply.code(201).send({ device, token });
    },
  );

  app.get(
    '/devices/me',
    {
      schema: {
        tags: ['devices'],
        summary: 'The calling device (Bearer token), whatever its status: pending, active or revoked',
        response: errorResponses,
      },
    },
    async (request) => {
      const token = bearerToken(request);
      if (!token) throw errors.deviceUnknown();
      const device = await app.authService.deviceByToken(token);
      if (!device) throw errors.deviceUnknown();
      return deviceView(device);
    },
  );

  app.post(
    '/devices/me/heartbeat',
    {
      schema: {
        tags: ['devices'],
        summary: 'Heartbeat with optional state (voice missing, paper out, ...)',
        body: Type.Object({ state: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 20 })) }),
        response: errorResponses,
      },
    },
    async (request) => {
      const device = requireDevice(request);
      return app.authService.heartbeat(device, (request.body as { state?: Record<string, unknown> }).state);
    },
  );

  app.get(
    '/halls/:hallId/devices',
    {
      schema: {
        tags: ['devices'],
        summary: "The hall's devices with last-seen times and state (manager)",
        params: Type.Object({ hallId: Id }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { hallId } = request.params as { hallId: number };
      assertHall(request.actor!, hallId);
      const list = await app.store.read((tx) => tx.devices.list(hallId));
      return list.map(deviceView);
    },
  );

  app.post(
    '/halls/:hallId/devices/approve',
    {
      schema: {
        tags: ['devices'],
        summary: 'Approve a pairing code shown on a screen (manager)',
        params: Type.Object({ hallId: Id }),
        headers: IdempotencyHeader,
        body: Type.Object({
          code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }),
          name: Type.String({ maxLength: 60, default: '' }),
          windowId: Type.Optional(Type.Union([Id, Type.Null()])),
          zoneId: Type.Optional(Type.Union([Id, Type.Null()])),
          printerId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { hallId } = request.params as { hallId: number };
      return app.authService.approveDevice(request.actor!, hallId, request.body as never, idempotencyOf(request));
    },
  );

  app.put(
    '/devices/:deviceId/settings',
    {
      schema: {
        tags: ['devices'],
        summary: "A screen's own settings: language and silent mode (display only, boards) (manager)",
        description:
          'The device hears the change at once and applies it without a reload. `language: null` returns it to the default (zh-CN). ' +
          'Where a device belongs (the zone a board shows, the window of a screen or pad) is its binding: PUT /api/halls/:hallId/devices/:deviceId.',
        params: Type.Object({ deviceId: Id }),
        headers: IdempotencyHeader,
        body: Type.Object(
          {
            language: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Null()])),
            silent: Type.Optional(Type.Boolean()),
            // Declared only to be refused with a pointer, not silently dropped: callers of the old route.
            zoneId: Type.Optional(
              Type.Unknown({ description: 'Not here: a board’s zone is its binding (PUT /api/halls/:hallId/devices/:deviceId); refused.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: errorResponses,
      },
    },
    async (request) => {
      const device = await managedDevice(request);
      if ((request.body as { zoneId?: unknown }).zoneId !== undefined) {
        throw errors.invalidInput(
          '综合屏显示的服务区属于设备绑定，请用 PUT /api/halls/:hallId/devices/:deviceId 设置。',
          'A board’s zone is part of its binding: set it with PUT /api/halls/:hallId/devices/:deviceId.',
          { field: 'zoneId' },
        );
      }
      return app.authService.updateDeviceSettings(
        request.actor!,
        device.hallId,
        device.id,
        request.body as DeviceSettingsInput,
        idempotencyOf(request),
      );
    },
  );

  app.post(
    '/devices/:deviceId/revoke',
    {
      schema: {
        tags: ['devices'],
        summary: 'Revoke a device: its token stops working and its screens show why (manager)',
        params: Type.Object({ deviceId: Id }),
        headers: IdempotencyHeader,
        response: errorResponses,
      },
    },
    async (request) => {
      const device = await managedDevice(request);
      return app.authService.revokeDevice(request.actor!, device.hallId, device.id, idempotencyOf(request));
    },
  );
};
export default devices;
