import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import {
  ConfigDeviceParams,
  ConfigWindowParams,
  DeviceBindingBody,
  NewServiceBody,
  NewUserBody,
  NewWindowBody,
  NewZoneBody,
  PasswordBody,
  ProfileBody,
  ServiceChangeBody,
  ServiceParams,
  SettingsBody,
  SettingsParams,
  UserChangeBody,
  UserParams,
  WindowChangeBody,
  ZoneChangeBody,
  ZoneParams,
} from '../schemas/manager-config.js';
import { idempotencyOf } from './common.js';

/** The schema of a configuration change: its summary, path parameters and body (and a description). */
const change = <E extends { params: TSchema; body?: TSchema; description?: string }>(summary: string, extra: E) => ({
  schema: { tags: ['configuration'], summary, headers: IdempotencyHeader, response: errorResponses, ...extra },
});

/**
 * The hall's configuration (manager): one read of everything the configuration pages show, and
 * a command per change. Every change takes an optional reason for the audit log.
 */
const managerConfig: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls/:hallId/config',
    {
      schema: {
        tags: ['configuration'],
        summary: 'Everything the configuration pages show: hall, settings, zones, services, windows, staff, devices (manager)',
        params: HallParams,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.view(r.actor!, r.params.hallId);
    },
  );

  app.put(
    '/halls/:hallId/profile',
    change('The hall’s name and default opening hours (manager)', { params: HallParams, body: ProfileBody }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateProfile(r.actor!, r.params.hallId, r.body, idempotencyOf(r));
    },
  );

  app.put(
    '/halls/:hallId/settings/:section',
    change('Change one settings section: voice, fairness, rating, calendar, alerts or issuing (manager)', {
      description: 'The values are merged over the current section and the whole section is checked; every refusal names the field.',
      params: SettingsParams,
      body: SettingsBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      const { values, reason } = r.body;
      return app.configService.updateSettings(r.actor!, r.params.hallId, r.params.section, values, { reason }, idempotencyOf(r));
    },
  );

  // Zones
  app.post('/halls/:hallId/zones', change('Create a zone (服务区)', { params: HallParams, body: NewZoneBody }), async (r) => {
    requireUser(r, MANAGERS);
    return app.configService.createZone(r.actor!, r.params.hallId, r.body, idempotencyOf(r));
  });
  app.put('/halls/:hallId/zones/:zoneId', change('Change a zone', { params: ZoneParams, body: ZoneChangeBody }), async (r) => {
    requireUser(r, MANAGERS);
    return app.configService.updateZone(r.actor!, r.params.hallId, r.params.zoneId, r.body, idempotencyOf(r));
  });
  app.delete(
    '/halls/:hallId/zones/:zoneId',
    change('Remove an empty zone (no services, windows or devices left in it)', { params: ZoneParams }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.removeZone(r.actor!, r.params.hallId, r.params.zoneId, {}, idempotencyOf(r));
    },
  );

  // Services
  app.post(
    '/halls/:hallId/services',
    change('Create a service (事项): name, ticket prefix, zone, daily quota, hours, expected minutes', {
      params: HallParams,
      body: NewServiceBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createService(r.actor!, r.params.hallId, r.body, idempotencyOf(r));
    },
  );
  app.put(
    '/halls/:hallId/services/:serviceId',
    change('Change a service; disable it to stop issuing (its waiting tickets are still served)', {
      params: ServiceParams,
      body: ServiceChangeBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateService(r.actor!, r.params.hallId, r.params.serviceId, r.body, idempotencyOf(r));
    },
  );

  // Windows
  app.post(
    '/halls/:hallId/windows',
    change('Create a window: number, name, zone, prints a rating slip; it starts closed and serves its zone (or the hall)', {
      params: HallParams,
      body: NewWindowBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createWindow(r.actor!, r.params.hallId, r.body, idempotencyOf(r));
    },
  );
  app.put(
    '/halls/:hallId/windows/:windowId',
    change('Change a window’s number, name, zone, rating slip, or take it out of service (enabled false)', {
      params: ConfigWindowParams,
      body: WindowChangeBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateWindow(r.actor!, r.params.hallId, r.params.windowId, r.body, idempotencyOf(r));
    },
  );

  // Staff accounts
  app.post(
    '/halls/:hallId/users',
    change('Create a staff account (managers create clerks; administrators any role)', { params: HallParams, body: NewUserBody }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createUser(r.actor!, r.params.hallId, r.body, idempotencyOf(r));
    },
  );
  app.put(
    '/halls/:hallId/users/:userId',
    change('Change a staff account: name, staff number, role, windows they may staff, disabled (ends their sessions)', {
      params: UserParams,
      body: UserChangeBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateUser(r.actor!, r.params.hallId, r.params.userId, r.body, idempotencyOf(r));
    },
  );
  app.post(
    '/halls/:hallId/users/:userId/password',
    change('Set a new password for a staff member (ends their sessions, lifts a lock)', { params: UserParams, body: PasswordBody }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.resetPassword(r.actor!, r.params.hallId, r.params.userId, r.body, idempotencyOf(r));
    },
  );

  // Devices
  app.put(
    '/halls/:hallId/devices/:deviceId',
    change('Rename a device, bind it to a window, a board to a zone, a kiosk to its printer (the one place a board’s zone is set)', {
      description:
        'What applies to each kind is common/device-fields.ts: a window for window screens and pads (required) and printers (for rating slips), a zone for boards, a printer for kiosks; ' +
        'anything else is refused naming the field. The device hears the change in its own room: a board whose zone changed reconnects to that zone.',
      params: ConfigDeviceParams,
      body: DeviceBindingBody,
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateDevice(r.actor!, r.params.hallId, r.params.deviceId, r.body, idempotencyOf(r));
    },
  );
};
export default managerConfig;
