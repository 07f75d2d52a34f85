/**
 * One error shape for the whole API: `{ statusCode, code, message, messageEn, details? }`, with
 * a Chinese message first and an English one beside it. Validation errors name the field; a
 * database that cannot write answers 503; anything unexpected is logged and answered without
 * internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiError } from '../../common/protocol.js';
import { DomainError, errors } from '../../common/domain/errors.js';

/** An Ajv error parameter (a field name, a limit) as text. */
const paramText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const KEYWORD_ZH: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填字段 ${paramText(p.missingProperty)}`,
  type: (p) =>
    `类型应为 ${typesOf(p)
      .map((t) => TYPE_ZH[t] ?? t)
      .join('或')}`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  exclusiveMinimum: (p) => `必须大于 ${String(p.limit)}`,
  minLength: (p) => `长度不能少于 ${String(p.limit)} 个字符`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
  maxItems: (p) => `不能超过 ${String(p.limit)} 项`,
  pattern: () => `格式不正确`,
  format: (p) => `格式应为 ${String(p.format)}`,
  enum: (p) => `只能是 ${(p.allowedValues as unknown[] | undefined)?.join(' / ') ?? ''} 之一`,
  const: (p) => `只能是 ${String(p.allowedValue)}`,
  additionalProperties: (p) => `不允许的字段 ${paramText(p.additionalProperty)}`,
  anyOf: () => '不符合任何允许的格式',
  oneOf: () => '不符合允许的格式',
};
const TYPE_ZH: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文本',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
};

/** English where Ajv's own message would not read well: a type list ("integer,null"). */
const KEYWORD_EN: Record<string, (p: Record<string, unknown>) => string> = {
  type: (p) => `must be ${typesOf(p).join(' or ')}`,
};

/** The JSON types a `type` error expects: one, or a list for a nullable field. */
function typesOf(p: Record<string, unknown>): string[] {
  const t = p.type;
  return (Array.isArray(t) ? t.map(String) : String(t).split(',')).filter(Boolean);
}

type ValidationIssue = { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string };

function validationError(error: FastifyError & { validation?: ValidationIssue[]; validationContext?: string }): ApiError {
  const issues = error.validation ?? [];
  const context = error.validationContext ?? 'body';
  const all = issues.map((i) => {
    const path = `${context}${i.instancePath.replace(/\//g, '.')}`;
    const zh = KEYWORD_ZH[i.keyword]?.(i.params) ?? '不符合要求';
    const en = KEYWORD_EN[i.keyword]?.(i.params) ?? i.message ?? 'is invalid';
    return { field: path, zh: `${path}：${zh}`, en: `${path} ${en}` };
  });
  // Each branch of a union of constants fails with the same type error: say it once.
  const fields = all.filter((f, n) => all.findIndex((g) => g.zh === f.zh) === n);
  return {
    statusCode: 400,
    code: 'invalid_input',
    message: `请求内容不符合要求：${fields.map((f) => f.zh).join('；')}`,
    messageEn: `The request is not valid: ${fields.map((f) => f.en).join('; ')}`,
    details: { fields: fields.map((f) => f.field) },
  };
}

const FASTIFY_CODES: Record<string, ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    statusCode: 413,
    code: 'payload_too_large',
    message: '请求内容过大。',
    messageEn: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    statusCode: 415,
    code: 'unsupported_media_type',
    message: '请求内容类型不受支持，请以 application/json 发送。',
    messageEn: 'Unsupported content type; send application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    statusCode: 400,
    code: 'invalid_json',
    message: '请求内容不是有效的 JSON。',
    messageEn: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    statusCode: 400,
    code: 'invalid_json',
    message: '请求内容为空，但声明为 JSON。',
    messageEn: 'The body is empty but declared as JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    statusCode: 400,
    code: 'invalid_content_length',
    message: '请求长度与内容不符。',
    messageEn: 'Content-Length does not match the body.',
  },
};

/** SQLite codes that mean "cannot store right now": disk full, locked, I/O error, read-only. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL)/;

function isApiError(value: unknown): value is ApiError {
  const v = value as ApiError | null;
  return (
    typeof v?.statusCode === 'number' && typeof v.code === 'string' && typeof v.message === 'string' && typeof v.messageEn === 'string'
  );
}

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof DomainError) {
    return {
      statusCode: error.statusCode,
      code: error.code,
      message: error.messageZh,
      messageEn: error.messageEn,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  const e = error as FastifyError & { validation?: ValidationIssue[] };
  if (e?.validation) return validationError(e);
  if (isApiError(e)) return e; // already shaped, e.g. by the rate limiter's response builder
  if (e?.code && FASTIFY_CODES[e.code]) return FASTIFY_CODES[e.code]!;
  if (typeof e?.code === 'string' && UNAVAILABLE.test(e.code)) {
    const u = errors.unavailable({ cause: e.code });
    return { statusCode: 503, code: u.code, message: u.messageZh, messageEn: u.messageEn, details: u.details };
  }
  if (e?.message === 'database connection is not open') {
    const u = errors.unavailable();
    return { statusCode: 503, code: u.code, message: u.messageZh, messageEn: u.messageEn };
  }
  const status = e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, code: 'bad_request', message: '请求无效。', messageEn: e.message || 'Bad request.' };
  }
  return null;
}

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error, request, reply) => {
      const api = toApiError(error);
      if (api) {
        if (api.statusCode >= 500) request.log.error({ err: error }, 'service unavailable');
        else request.log.info({ code: api.code, statusCode: api.statusCode }, 'request refused');
        return reply.code(api.statusCode).send(api);
      }
      request.log.error({ err: error }, 'unexpected error');
      const body: ApiError = {
        statusCode: 500,
        code: 'internal',
        message: '系统内部错误，已记录，请稍后重试。',
        messageEn: 'Internal error; it has been logged. Please try again.',
      };
      return reply.code(500).send(body);
    });

    app.setNotFoundHandler((request, reply) => {
      const e = errors.routeNotFound({ method: request.method, url: request.url.split('?')[0] });
      return reply.code(404).send({ statusCode: 404, code: e.code, message: e.messageZh, messageEn: e.messageEn, details: e.details });
    });
  },
  { name: 'errors' },
);
