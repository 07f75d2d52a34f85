/**
 * The hall's configuration (manager): its profile and settings, zones, services, windows, staff
 * accounts and device bindings. Every change takes an optional reason for the audit log.
 */
import { Type, type TProperties } from 'typebox';
import { ROLES } from '../../common/vocabulary.js';
import { SETTINGS_SECTIONS, ZONE_KINDS } from '../../common/domain/config.js';
import { Id, nullable, NullableId, Reason, OneOf } from './common.js';

const ServiceFields = {
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
const ZoneFields = {
  name: Type.String({ maxLength: 100 }),
  nameEn: Type.String({ maxLength: 200 }),
  kind: OneOf(ZONE_KINDS),
  sortOrder: Type.Integer(),
};
const WindowFields = {
  number: Type.String({ maxLength: 12 }),
  name: Type.String({ maxLength: 100 }),
  zoneId: NullableId,
  printsRatingSlip: Type.Boolean(),
  enabled: Type.Boolean(),
};
const UserFields = {
  displayName: Type.String({ maxLength: 60 }),
  staffNo: Type.String({ maxLength: 40 }),
  role: OneOf(ROLES),
  windowIds: Type.Array(Id, { maxItems: 500 }),
};

/** The same fields, each optional (for changes). */
const optional = <T extends TProperties>(fields: T) => Type.Partial(Type.Object(fields)).properties;

export const ZoneParams = Type.Object({ hallId: Id, zoneId: Id });
export const ServiceParams = Type.Object({ hallId: Id, serviceId: Id });
export const ConfigWindowParams = Type.Object({ hallId: Id, windowId: Id });
export const UserParams = Type.Object({ hallId: Id, userId: Id });
export const ConfigDeviceParams = Type.Object({ hallId: Id, deviceId: Id });
export const SettingsParams = Type.Object({ hallId: Id, section: OneOf(SETTINGS_SECTIONS) });

export const ProfileBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100 })),
  openingHours: Type.Optional(Type.String({ maxLength: 100 })),
  reason: Reason,
});

export const SettingsBody = Type.Object({
  values: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 20 }),
  reason: Reason,
});

export const NewZoneBody = Type.Object({
  ...ZoneFields,
  nameEn: Type.Optional(ZoneFields.nameEn),
  sortOrder: Type.Optional(ZoneFields.sortOrder),
  reason: Reason,
});
export const ZoneChangeBody = Type.Object({ ...optional(ZoneFields), reason: Reason });

export const NewServiceBody = Type.Object({
  ...optional(ServiceFields),
  name: ServiceFields.name,
  prefix: ServiceFields.prefix,
  reason: Reason,
});
export const ServiceChangeBody = Type.Object({ ...optional(ServiceFields), reason: Reason });

export const NewWindowBody = Type.Object({
  ...optional(WindowFields),
  number: WindowFields.number,
  name: WindowFields.name,
  reason: Reason,
});
export const WindowChangeBody = Type.Object({ ...optional(WindowFields), reason: Reason });

export const NewUserBody = Type.Object({
  ...optional(UserFields),
  username: Type.String({ maxLength: 64 }),
  displayName: UserFields.displayName,
  role: UserFields.role,
  password: Type.String({ maxLength: 256 }),
  reason: Reason,
});
export const UserChangeBody = Type.Object({ ...optional(UserFields), disabled: Type.Optional(Type.Boolean()), reason: Reason });

export const PasswordBody = Type.Object({ password: Type.String({ maxLength: 256 }), reason: Reason });

export const DeviceBindingBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 120 })),
  windowId: Type.Optional(NullableId),
  zoneId: Type.Optional(NullableId),
  printerId: Type.Optional(NullableId),
  reason: Reason,
});
