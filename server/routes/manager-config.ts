import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { ROLES } from '../../common/vocabulary.js';
import { SETTINGS_SECTIONS, ZONE_KINDS, type SettingsSection } from '../../common/domain/config.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf, nullable, NullableId } from './common.js';

const HallParams = Type.Object({ hallId: Id });
const Reason = Type.Optional(Type.String({ maxLength: 200, description: 'Why: recorded in the audit log with the change.' }));

const ServiceBody = {
  name: Type.String({ maxLength: 100 }),
  nameEn: Type.String({ maxLength: 200 }),
  prefix: Type.String({ maxLength: 4 }),
  zoneId: NullableId,
  dailyQuota: nullable('integer'),
  openingHours: nullable('string', { maxLength: 100 }),
  expectedMinutes: Type.Integer(),
  enabled: Type.Boolean(),
  sortOrder: Type.Integer(),
};
const ZoneBody = {
  name: Type.String({ maxLength: 100 }),
  nameEn: Type.String({ maxLength: 200 }),
  kind: Type.Union(ZONE_KINDS.map((k) => Type.Literal(k))),
  sortOrder: Type.Integer(),
};
const WindowBody = {
  number: Type.String({ maxLength: 12 }),
  name: Type.String({ maxLength: 100 }),
  zoneId: NullableId,
  printsRatingSlip: Type.Boolean(),
  enabled: Type.Boolean(),
};
const UserBody = {
  displayName: Type.String({ maxLength: 60 }),
  staffNo: Type.String({ maxLength: 40 }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  windowIds: Type.Array(Id, { maxItems: 500 }),
};

/** The same fields, each optional (for changes). */
const optional = (fields: Record<string, TSchema>): Record<string, TSchema> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]));

/**
 * The hall's configuration (manager): one read of everything the configuration pages show, and
 * a command per change. Every change takes an optional reason for the audit log.
 */
const managerConfig: FastifyPluginAsync = async (app) => {
  const hallOf = (r: FastifyRequest) => (r.params as { hallId: number }).hallId;
  const key = idempotencyOf;
  const body = <T>(r: FastifyRequest) => r.body as T;
  const schema = (summary: string, extra: Record<string, unknown>) => ({
    schema: { tags: ['configuration'], summary, headers: IdempotencyHeader, response: errorResponses, ...extra },
  });

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
      return app.configService.view(r.actor!, hallOf(r));
    },
  );

  app.put(
    '/halls/:hallId/profile',
    schema('The hall’s name and default opening hours (manager)', {
      params: HallParams,
      body: Type.Object({
        name: Type.Optional(Type.String({ maxLength: 100 })),
        openingHours: Type.Optional(Type.String({ maxLength: 100 })),
        reason: Reason,
      }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateProfile(r.actor!, hallOf(r), body(r), key(r));
    },
  );

  app.put(
    '/halls/:hallId/settings/:section',
    schema('Change one settings section: voice, fairness, rating, calendar, alerts or issuing (manager)', {
      description: 'The values are merged over the current section and the whole section is checked; every refusal names the field.',
      params: Type.Object({ hallId: Id, section: Type.Union(SETTINGS_SECTIONS.map((s) => Type.Literal(s))) }),
      body: Type.Object({ values: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 20 }), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      const { section } = r.params as { section: SettingsSection };
      const { values, reason } = body<{ values: Record<string, unknown>; reason?: string }>(r);
      return app.configService.updateSettings(r.actor!, hallOf(r), section, values, { reason }, key(r));
    },
  );

  // Zones
  app.post(
    '/halls/:hallId/zones',
    schema('Create a zone (服务区)', {
      params: HallParams,
      body: Type.Object({
        ...ZoneBody,
        nameEn: Type.Optional(ZoneBody.nameEn),
        sortOrder: Type.Optional(ZoneBody.sortOrder),
        reason: Reason,
      }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createZone(r.actor!, hallOf(r), body(r), key(r));
    },
  );
  app.put(
    '/halls/:hallId/zones/:zoneId',
    schema('Change a zone', {
      params: Type.Object({ hallId: Id, zoneId: Id }),
      body: Type.Object({ ...optional(ZoneBody), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateZone(r.actor!, hallOf(r), (r.params as { zoneId: number }).zoneId, body(r), key(r));
    },
  );
  app.delete(
    '/halls/:hallId/zones/:zoneId',
    schema('Remove an empty zone (no services, windows or devices left in it)', { params: Type.Object({ hallId: Id, zoneId: Id }) }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.removeZone(r.actor!, hallOf(r), (r.params as { zoneId: number }).zoneId, {}, key(r));
    },
  );

  // Services
  app.post(
    '/halls/:hallId/services',
    schema('Create a service (事项): name, ticket prefix, zone, daily quota, hours, expected minutes', {
      params: HallParams,
      body: Type.Object({ ...optional(ServiceBody), name: ServiceBody.name, prefix: ServiceBody.prefix, reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createService(r.actor!, hallOf(r), body(r), key(r));
    },
  );
  app.put(
    '/halls/:hallId/services/:serviceId',
    schema('Change a service; disable it to stop issuing (its waiting tickets are still served)', {
      params: Type.Object({ hallId: Id, serviceId: Id }),
      body: Type.Object({ ...optional(ServiceBody), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateService(r.actor!, hallOf(r), (r.params as { serviceId: number }).serviceId, body(r), key(r));
    },
  );

  // Windows
  app.post(
    '/halls/:hallId/windows',
    schema('Create a window: number, name, zone, prints a rating slip; it starts closed and serves its zone (or the hall)', {
      params: HallParams,
      body: Type.Object({ ...optional(WindowBody), number: WindowBody.number, name: WindowBody.name, reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createWindow(r.actor!, hallOf(r), body(r), key(r));
    },
  );
  app.put(
    '/halls/:hallId/windows/:windowId',
    schema('Change a window’s number, name, zone, rating slip, or take it out of service (enabled false)', {
      params: Type.Object({ hallId: Id, windowId: Id }),
      body: Type.Object({ ...optional(WindowBody), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateWindow(r.actor!, hallOf(r), (r.params as { windowId: number }).windowId, body(r), key(r));
    },
  );

  // Staff accounts
  app.post(
    '/halls/:hallId/users',
    schema('Create a staff account (managers create clerks; administrators any role)', {
      params: HallParams,
      body: Type.Object({
        ...optional(UserBody),
        username: Type.String({ maxLength: 64 }),
        displayName: UserBody.displayName,
        role: UserBody.role,
        password: Type.String({ maxLength: 256 }),
        reason: Reason,
      }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.createUser(r.actor!, hallOf(r), body(r), key(r));
    },
  );
  app.put(
    '/halls/:hallId/users/:userId',
    schema('Change a staff account: name, staff number, role, windows they may staff, disabled (ends their sessions)', {
      params: Type.Object({ hallId: Id, userId: Id }),
      body: Type.Object({ ...optional(UserBody), disabled: Type.Optional(Type.Boolean()), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateUser(r.actor!, hallOf(r), (r.params as { userId: number }).userId, body(r), key(r));
    },
  );
  app.post(
    '/halls/:hallId/users/:userId/password',
    schema('Set a new password for a staff member (ends their sessions, lifts a lock)', {
      params: Type.Object({ hallId: Id, userId: Id }),
      body: Type.Object({ password: Type.String({ maxLength: 256 }), reason: Reason }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.resetPassword(r.actor!, hallOf(r), (r.params as { userId: number }).userId, body(r), key(r));
    },
  );

  // Devices
  app.put(
    '/halls/:hallId/devices/:deviceId',
    schema('Rename a device, bind it to a window, a board to a zone, a kiosk to its printer (the one place a board’s zone is set)', {
      description:
        'What applies to each kind is common/device-fields.ts: a window for window screens and pads (required) and printers (for rating slips), a zone for boards, a printer for kiosks; ' +
        'anything else is refused naming the field. The device hears the change in its own room: a board whose zone changed reconnects to that zone.',
      params: Type.Object({ hallId: Id, deviceId: Id }),
      body: Type.Object({
        name: Type.Optional(Type.String({ maxLength: 120 })),
        windowId: Type.Optional(NullableId),
        zoneId: Type.Optional(NullableId),
        printerId: Type.Optional(NullableId),
        reason: Reason,
      }),
    }),
    async (r) => {
      requireUser(r, MANAGERS);
      return app.configService.updateDevice(r.actor!, hallOf(r), (r.params as { deviceId: number }).deviceId, body(r), key(r));
    },
  );
};
export default managerConfig;
