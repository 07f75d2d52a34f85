/** Pairing, a device's own calls (who am I, heartbeat), and managers' device commands. */
import { Type } from 'typebox';
import { DEVICE_KINDS } from '../../common/vocabulary.js';
import { Id, NullableId, OneOf } from './common.js';

export const DeviceParams = Type.Object({ deviceId: Id });

/** Screens pair themselves; printers are added by a manager (POST /halls/:hallId/printers). */
export const PairingBody = Type.Object({
  hallId: Id,
  kind: OneOf(DEVICE_KINDS.filter((k) => k !== 'printer')),
});

export const HeartbeatBody = Type.Object({
  state: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 20 })),
});

export const ApproveBody = Type.Object({
  code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }),
  name: Type.String({ maxLength: 60, default: '' }),
  windowId: Type.Optional(NullableId),
  zoneId: Type.Optional(NullableId),
  printerId: Type.Optional(NullableId),
});

export const DeviceSettingsBody = Type.Object(
  {
    language: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Null()])),
    silent: Type.Optional(Type.Boolean()),
    // Declared only to be refused with a pointer, not silently dropped: callers of the old route.
    zoneId: Type.Optional(
      Type.Unknown({ description: 'Not here: a board’s zone is its binding (PUT /api/halls/:hallId/devices/:deviceId); refused.' }),
    ),
  },
  { additionalProperties: false },
);
