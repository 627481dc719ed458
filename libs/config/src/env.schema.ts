import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET } from './secret-strength';

const port = z.coerce.number().int().min(1).max(65535);
const seconds = z.coerce.number().int().positive();

/** Every environment variable the processes read, with local-development defaults. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PORT: port.default(5432),
  DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _').default('subsidy_hub'),
  DATABASE_ADMIN_USER: z.string().min(1).default('postgres'),
  DATABASE_ADMIN_PASSWORD: z.string().default(''),
  DATABASE_OWNER_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('subsidy_owner'),
  DATABASE_OWNER_PASSWORD: z.string().default(''),
  DATABASE_APP_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('subsidy_app'),
  DATABASE_APP_PASSWORD: z.string().default(''),
  DATABASE_RELAY_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('subsidy_relay'),
  DATABASE_RELAY_PASSWORD: z.string().default(''),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('subsidy'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),

  // In production also: real entropy, not a variation of the development default (secret-strength.ts).
  JWT_SECRET: z.string().min(32, 'at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  JWT_ACCESS_TTL_SECONDS: seconds.default(900),
  REFRESH_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: seconds.default(900),

  // Hops of reverse proxies in front of the API (Express 'trust proxy'); 0 = clients connect directly.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  STORAGE_DIR: z.string().min(1).default('var/storage'),
  // The built browser application (npm run build writes it); the API serves it at / when its index.html is there.
  WEB_DIR: z.string().min(1).default('dist/web'),
  // Evidence per application: at most this many files and this many MB (MiB) in total; images over this many megapixels
  // are refused (their header is read, the image never decoded). One file is at most 10 MB whatever these say.
  EVIDENCE_MAX_FILES_PER_APPLICATION: z.coerce.number().int().min(1).max(1000).default(50),
  EVIDENCE_MAX_MB_PER_APPLICATION: z.coerce.number().int().min(10).max(10_000).default(200),
  EVIDENCE_MAX_IMAGE_MEGAPIXELS: z.coerce.number().int().min(1).max(500).default(50),

  // Public objections during a publicity: per client address at most OBJECTION_ADDRESS_LIMIT submissions in
  // OBJECTION_ADDRESS_WINDOW_SECONDS (counted in Redis, shared by every API process); per contact (phone or e-mail)
  // at most OBJECTION_OPEN_PER_CONTACT objections under review in one publicity; officers get one digest of new
  // objections per publicity every OBJECTION_DIGEST_SECONDS instead of one message per objection.
  OBJECTION_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  OBJECTION_ADDRESS_WINDOW_SECONDS: seconds.max(7 * 24 * 3600).default(3600),
  OBJECTION_OPEN_PER_CONTACT: z.coerce.number().int().min(1).max(1000).default(5),
  OBJECTION_DIGEST_SECONDS: z.coerce.number().int().min(10).max(24 * 3600).default(900),

  // E-mail copies of notifications; unset = in-product notifications only.
  SMTP_URL: z.union([z.literal(''), z.string().regex(/^smtps?:\/\/\S+$/, 'an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:2525')]).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Subsidy Hub <no-reply@subsidy-hub.local>'),

  // How long a claimed Idempotency-Key stays held without its request renewing it (every third of this): a claim whose
  // API process died is taken over by the next request with the key this many seconds later at most.
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),

  // When the worker verifies every tenant's audit hash chain each night, HH:MM China Standard Time.
  AUDIT_CHECK_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (China Standard Time), e.g. 02:30').default('02:30'),
});

export type Env = z.infer<typeof envSchema>;
