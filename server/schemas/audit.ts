/** 审计日志: a page of the audit log, searched by words, dates, category and person. */
import { Type } from 'typebox';
import { AUDIT_CATEGORIES, type AuditCategory } from '../../common/domain/audit.js';
import { Day, Id, OneOf } from './common.js';

export const AuditQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  category: Type.Optional(OneOf(Object.keys(AUDIT_CATEGORIES) as AuditCategory[])),
  actorId: Type.Optional(Id),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
