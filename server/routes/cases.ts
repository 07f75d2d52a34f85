import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { APPEAL_KINDS, CASE_ACTIONS, type AppealKind, type CaseAction } from '../../common/domain/cases.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { CASE_VIEWS, type CaseListView } from '../services/case-service.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

const CaseParams = Type.Object({ hallId: Id, caseId: Id });
const Note = Type.String({ maxLength: 1000 });

/** 差评整改: the cases bad ratings open, worked step by step, and appeals (manager). */
const cases: FastifyPluginAsync = async (app) => {
  const ids = (r: FastifyRequest) => r.params as { hallId: number; caseId: number };

  app.get(
    '/halls/:hallId/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '差评 cases with their deadlines (working days), newest first: active, overdue, appeals waiting, closed, or all',
        params: Type.Object({ hallId: Id }),
        querystring: Type.Object({
          view: Type.Union(
            CASE_VIEWS.map((v) => Type.Literal(v)),
            { default: 'active' },
          ),
          beforeId: Type.Optional(Id),
        }),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      const { view, beforeId } = r.query as { view: CaseListView; beforeId?: number };
      return app.caseService.list(r.actor!, (r.params as { hallId: number }).hallId, view, beforeId);
    },
  );

  app.get(
    '/halls/:hallId/cases/:caseId',
    { schema: { tags: ['cases'], summary: 'A case with its rating, ticket and every step', params: CaseParams, response: errorResponses } },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.get(r.actor!, ids(r).hallId, ids(r).caseId);
    },
  );

  app.post(
    '/halls/:hallId/cases/:caseId/steps',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The next step, with a note: rectify (open → rectifying), reply (→ replied), follow_up 回访 (→ followed_up), close (→ closed)',
        params: CaseParams,
        headers: IdempotencyHeader,
        body: Type.Object({ action: Type.Union(CASE_ACTIONS.map((a) => Type.Literal(a))), note: Note }),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      const { action, note } = r.body as { action: CaseAction; note: string };
      return app.caseService.step(r.actor!, ids(r).hallId, ids(r).caseId, action, note, idempotencyOf(r));
    },
  );

  app.post(
    '/halls/:hallId/cases/:caseId/appeal',
    {
      schema: {
        tags: ['cases'],
        summary: '申诉: the rating was mistaken or malicious; another manager decides',
        params: CaseParams,
        headers: IdempotencyHeader,
        body: Type.Object({ kind: Type.Union(APPEAL_KINDS.map((k) => Type.Literal(k))), reason: Note }),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      const { kind, reason } = r.body as { kind: AppealKind; reason: string };
      return app.caseService.appeal(r.actor!, ids(r).hallId, ids(r).caseId, kind, reason, idempotencyOf(r));
    },
  );

  app.post(
    '/halls/:hallId/cases/:caseId/appeal/decision',
    {
      schema: {
        tags: ['cases'],
        summary: 'Decide a pending appeal: approved closes the case and excludes the rating from statistics (kept on record)',
        params: CaseParams,
        headers: IdempotencyHeader,
        body: Type.Object({ approve: Type.Boolean(), note: Note }),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      const { approve, note } = r.body as { approve: boolean; note: string };
      return app.caseService.decide(r.actor!, ids(r).hallId, ids(r).caseId, approve, note, idempotencyOf(r));
    },
  );
};
export default cases;
