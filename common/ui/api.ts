/**
 * The screens' HTTP client. Errors come back as `ApiRequestError` carrying the server's
 * bilingual message; a network failure is an `OfflineError`, so a screen never claims something
 * happened that the server did not confirm. Every change carries an idempotency key, so a retry
 * (or a double tap) is answered with the first result.
 */
import type { ApiError } from '../protocol.js';

export class ApiRequestError extends Error {
  constructor(readonly error: ApiError) {
    super(error.messageEn);
  }
  get code(): string {
    return this.error.code;
  }
  get status(): number {
    return this.error.statusCode;
  }
}

export class OfflineError extends Error {
  constructor() {
    super('server unreachable');
  }
}

export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

export interface RequestOptions {
  /** Reuse the key of an earlier attempt to make this a retry of it. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export interface ApiAuth {
  /** Device token, sent as a bearer token. */
  token?: () => string | null;
  /** Staff CSRF token, sent with every change. */
  csrf?: () => string | null;
}

export class ApiClient {
  constructor(private readonly auth: ApiAuth = {}) {}

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T>(path: string, body: unknown = {}, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }
  put<T>(path: string, body: unknown = {}, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }
  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.auth.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (method !== 'GET') {
      // No body, no content type: the server refuses an empty body declared as JSON (a DELETE).
      if (body !== undefined) headers['content-type'] = 'application/json';
      headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
      const csrf = this.auth.csrf?.();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new OfflineError();
    } finally {
      clearTimeout(timer);
    }
    const text = await res.text();
    const data = text ? safeJson(text) : null;
    if (!res.ok) {
      const error = isApiError(data)
        ? data
        : {
            statusCode: res.status,
            code: 'http_error',
            message: `服务器返回错误（${res.status}）。`,
            messageEn: `The server answered ${res.status}.`,
          };
      throw new ApiRequestError(error);
    }
    return data as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isApiError(value: unknown): value is ApiError {
  const v = value as ApiError | null;
  return !!v && typeof v.code === 'string' && typeof v.message === 'string';
}

/** The message to show a person, in the screen's language. */
export function errorMessage(err: unknown, locale: string): string {
  if (err instanceof ApiRequestError) return locale === 'en' ? err.error.messageEn : err.error.message;
  if (err instanceof OfflineError) return locale === 'en' ? 'Cannot reach the server; check the network.' : '无法连接服务器，请检查网络。';
  return locale === 'en' ? 'Something went wrong; please try again.' : '出现问题，请重试。';
}

/**
 * The idempotency key of a request a person may send again: the same request again (after a
 * network failure, or a double tap) reuses the key, so the server answers with the first result;
 * a different request gets a new key.
 */
export class RetryKey {
  private last: { body: string; key: string } | null = null;

  for(request: unknown): string {
    const body = JSON.stringify(request);
    if (this.last?.body !== body) this.last = { body, key: newIdempotencyKey() };
    return this.last.key;
  }

  /** Forget: the next request is a new one even if it looks the same. */
  reset(): void {
    this.last = null;
  }
}
