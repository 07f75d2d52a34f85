import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { AppealBody, CaseParams, CasesQuery, DecisionBody, StepBody } from '../schemas/cases.js';
import { errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { idempotencyOf } from './common.js';

/** 差评整改: the cases bad ratings open, worked step by step, and appeals (manager). */
const cases: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls/:hallId/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '差评 cases with their deadlines (working days), newest first: active, overdue, appeals waiting, closed, or all',
        params: HallParams,
        querystring: CasesQuery,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.list(r.actor!, r.params.hallId, r.query.view, r.query.beforeId);
    },
  );

  app.get(
    '/halls/:hallId/cases/:caseId',
    { schema: { tags: ['cases'], summary: 'A case with its rating, ticket and every step', params: CaseParams, response: errorResponses } },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.get(r.actor!, r.params.hallId, r.params.caseId);
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
        body: StepBody,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.step(r.actor!, r.params.hallId, r.params.caseId, r.body.action, r.body.note, idempotencyOf(r));
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
        body: AppealBody,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.appeal(r.actor!, r.params.hallId, r.params.caseId, r.body.kind, r.body.reason, idempotencyOf(r));
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
        body: DecisionBody,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.caseService.decide(r.actor!, r.params.hallId, r.params.caseId, r.body.approve, r.body.note, idempotencyOf(r));
    },
  );
};
export default cases;
