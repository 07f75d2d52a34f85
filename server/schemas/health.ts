/** Liveness and readiness. */
import { Type } from 'typebox';

export const HealthAnswer = Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number(), time: Type.Integer() });
