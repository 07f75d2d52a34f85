import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../common/domain/errors.js';
import { bearerToken, MANAGERS, requireDevice, requireUser } from '../plugins/auth.js';
import { AnyObject, errorResponses, HallParams, IdempotencyHeader, limitedErrorResponses } from '../schemas/common.js';
import { ApproveBody, DeviceParams, DeviceSettingsBody, HeartbeatBody, PairingBody } from '../schemas/devices.js';
import { deviceView } from '../services/auth-service.js';
import { idempotencyOf } from './common.js';

/**
 * Pairing: a new screen asks for a code (public, rate-limited) and shows it; a manager approves
 * the code; from then on the device authenticates with its own token.
 */
const devices: FastifyPluginAsyncTypebox<{ pairingLimit: number }> = async (app, opts) => {
  app.post(
    '/devices/pairing',
    {
      config: { rateLimit: { max: opts.pairingLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['devices'],
        summary: 'A new screen asks to be paired: returns its token (valid once approved) and the code to show',
        body: PairingBody,
        response: { ...limitedErrorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      const { device, token } = await app.authService.requestPairing(request.body.hallId, request.body.kind);
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
        body: HeartbeatBody,
        response: errorResponses,
      },
    },
    async (request) => {
      const device = requireDevice(request);
      return app.authService.heartbeat(device, request.body.state);
    },
  );

  app.get(
    '/halls/:hallId/devices',
    {
      schema: {
        tags: ['devices'],
        summary: "The hall's devices with last-seen times and state (manager)",
        params: HallParams,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.authService.devicesOf(request.actor!, request.params.hallId);
    },
  );

  app.post(
    '/halls/:hallId/devices/approve',
    {
      schema: {
        tags: ['devices'],
        summary: 'Approve a pairing code shown on a screen (manager)',
        params: HallParams,
        headers: IdempotencyHeader,
        body: ApproveBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.authService.approveDevice(request.actor!, request.params.hallId, request.body, idempotencyOf(request));
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
        params: DeviceParams,
        headers: IdempotencyHeader,
        body: DeviceSettingsBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { deviceId } = request.params;
      const hallId = await app.authService.hallOfDevice(deviceId);
      const { zoneId, ...settings } = request.body;
      if (zoneId !== undefined) {
        throw errors.invalidInput(
          '综合屏显示的服务区属于设备绑定，请用 PUT /api/halls/:hallId/devices/:deviceId 设置。',
          'A board’s zone is part of its binding: set it with PUT /api/halls/:hallId/devices/:deviceId.',
          { field: 'zoneId' },
        );
      }
      return app.authService.updateDeviceSettings(request.actor!, hallId, deviceId, settings, idempotencyOf(request));
    },
  );

  app.post(
    '/devices/:deviceId/revoke',
    {
      schema: {
        tags: ['devices'],
        summary: 'Revoke a device: its token stops working and its screens show why (manager)',
        params: DeviceParams,
        headers: IdempotencyHeader,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { deviceId } = request.params;
      const hallId = await app.authService.hallOfDevice(deviceId);
      return app.authService.revokeDevice(request.actor!, hallId, deviceId, idempotencyOf(request));
    },
  );
};
export default devices;
