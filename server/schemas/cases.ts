/** 差评整改: bad-rating cases, their steps and appeals (manager). */
import { Type } from 'typebox';
import { APPEAL_KINDS, CASE_ACTIONS } from '../../common/domain/cases.js';
import { CASE_VIEWS } from '../services/case-service.js';
import { Id, OneOf } from './common.js';

const Note = Type.String({ maxLength: 1000 });

export const CaseParams = Type.Object({ hallId: Id, caseId: Id });

export const CasesQuery = Type.Object({
  view: OneOf(CASE_VIEWS, { default: 'active' }),
  beforeId: Type.Optional(Id),
});

export const StepBody = Type.Object({ action: OneOf(CASE_ACTIONS), note: Note });
export const AppealBody = Type.Object({ kind: OneOf(APPEAL_KINDS), reason: Note });
export const DecisionBody = Type.Object({ approve: Type.Boolean(), note: Note });
