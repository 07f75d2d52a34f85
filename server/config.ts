/**
 * Configuration from environment variables, with the defaults documented in the README.
 * Parsed once at start-up; a bad value stops the server with a message naming the variable.
 */
import { resolve } from 'node:path';
import { isValidTimezone } from '../common/domain/calendar.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Timezone of the demo hall and of halls created without one. */
  timezone: string;
  logLevel: string;
  /** Seed the demo hall when the database is empty (default on; SEED=none turns it off). */
  seedDemo: boolean;
  /** First admin on an empty database when not seeding the demo. */
  adminUsername: string | null;
  adminPassword: string | null;
  /** Set the Secure flag on cookies (behind TLS). Default: on when TRUST_PROXY is set. */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Public base URL printed in QR codes, e.g. https://hall.example.gov.cn. */
  publicUrl: string | null;
  /** Start the virtual printer with the demo hall (VIRTUAL_PRINTER_PORT, 0 to disable). */
  virtualPrinterPort: number;
  /** Visitor notifications are also POSTed as JSON to this URL (an SMS gateway), when set. */
  notifyWebhookUrl: string | null;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

const flag = (raw: string | undefined): boolean | undefined =>
  raw === undefined || raw === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());

function webhookUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`NOTIFY_WEBHOOK_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`NOTIFY_WEBHOOK_URL must be an http(s) URL, got "${raw}"`);
  return url.toString();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const timezone = env.HALL_TIMEZONE || 'Asia/Shanghai';
  if (!isValidTimezone(timezone)) throw new ConfigError(`HALL_TIMEZONE "${timezone}" is not an IANA timezone such as Asia/Shanghai`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const trustProxy = flag(env.TRUST_PROXY) ?? false;
  const seed = (env.SEED || 'demo').toLowerCase();
  if (!['demo', 'none'].includes(seed)) throw new ConfigError(`SEED must be "demo" or "none", got "${env.SEED}"`);
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    timezone,
    logLevel,
    seedDemo: seed === 'demo',
    adminUsername: env.ADMIN_USERNAME || null,
    adminPassword: env.ADMIN_PASSWORD || null,
    cookieSecure: flag(env.COOKIE_SECURE) ?? trustProxy,
    trustProxy,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    virtualPrinterPort: int(env, 'VIRTUAL_PRINTER_PORT', 9100, 0, 65535),
    notifyWebhookUrl: webhookUrl(env.NOTIFY_WEBHOOK_URL),
  };
}
