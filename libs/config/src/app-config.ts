import { Env, envSchema } from './env.schema';
import { describeReceived, redactSecrets } from './redact';
import { DEVELOPMENT_JWT_SECRET, weakJwtSecretReason } from './secret-strength';

export interface DatabaseCredentials {
  user: string;
  password: string;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  logLevel: Env['LOG_LEVEL'];
  database: {
    host: string;
    port: number;
    name: string;
    poolSize: number;
    admin: DatabaseCredentials;
    owner: DatabaseCredentials;
    app: DatabaseCredentials;
    relay: DatabaseCredentials;
  };
  redis: { url: string; prefix: string };
  outbox: { pollMs: number };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
  };
  http: { rateLimitPerMinute: number; trustProxyHops: number };
  storage: { dir: string };
  /** The built web application's folder (relative paths from the project root). */
  web: { dir: string };
  /** Caps on one application's evidence (EVIDENCE_* variables); the 10 MB per-file limit is fixed in the upload. */
  evidence: { maxFilesPerApplication: number; maxBytesPerApplication: number; maxImagePixels: number };
  /** Flood limits and the officers' digest for public objections (OBJECTION_* variables). */
  objections: { addressLimit: number; addressWindowSeconds: number; openPerContact: number; digestSeconds: number };
  /** smtpUrl null: notifications stay in the product, no e-mail is sent. */
  mail: { smtpUrl: string | null; from: string };
  /** The nightly audit-chain check's time of day, `HH:MM` China Standard Time (AUDIT_CHECK_TIME, default 02:30). */
  auditCheck: { time: string };
  /** A claimed Idempotency-Key's lease (IDEMPOTENCY_LEASE_SECONDS, default 30). */
  idempotency: { leaseSeconds: number };
}

/** Thrown with one line that names the offending variable, so a misconfigured process says exactly what to fix. */
export class ConfigError extends Error {}

/**
 * The one line a bad variable stops the process with. Zod quotes received values in some messages, so every secret
 * of the environment is blanked out of the whole line, and a secret variable's own value is described, not shown.
 */
function configError(source: NodeJS.ProcessEnv, name: string, reason: string): ConfigError {
  const line = `Invalid environment variable ${name}: ${reason} (${describeReceived(name, source[name])})`;
  return new ConfigError(redactSecrets(line, source).replace(/\s*\n\s*/g, ' '));
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw configError(source, issue.path.join('.') || '(environment)', issue.message);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    if (e.JWT_SECRET === DEVELOPMENT_JWT_SECRET) throw new ConfigError('Invalid environment variable JWT_SECRET: must be set in production');
    const weakness = weakJwtSecretReason(e.JWT_SECRET);
    if (weakness) throw configError(source, 'JWT_SECRET', weakness);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: {
      host: e.DATABASE_HOST,
      port: e.DATABASE_PORT,
      name: e.DATABASE_NAME,
      poolSize: e.DATABASE_POOL_SIZE,
      admin: { user: e.DATABASE_ADMIN_USER, password: e.DATABASE_ADMIN_PASSWORD },
      owner: { user: e.DATABASE_OWNER_USER, password: e.DATABASE_OWNER_PASSWORD },
      app: { user: e.DATABASE_APP_USER, password: e.DATABASE_APP_PASSWORD },
      relay: { user: e.DATABASE_RELAY_USER, password: e.DATABASE_RELAY_PASSWORD },
    },
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    outbox: { pollMs: e.OUTBOX_POLL_MS },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockSeconds: e.LOGIN_LOCK_SECONDS,
    },
    http: { rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE, trustProxyHops: e.TRUST_PROXY_HOPS },
    storage: { dir: e.STORAGE_DIR },
    web: { dir: e.WEB_DIR },
    evidence: {
      maxFilesPerApplication: e.EVIDENCE_MAX_FILES_PER_APPLICATION,
      maxBytesPerApplication: e.EVIDENCE_MAX_MB_PER_APPLICATION * 1024 * 1024,
      maxImagePixels: e.EVIDENCE_MAX_IMAGE_MEGAPIXELS * 1_000_000,
    },
    objections: {
      addressLimit: e.OBJECTION_ADDRESS_LIMIT,
      addressWindowSeconds: e.OBJECTION_ADDRESS_WINDOW_SECONDS,
      openPerContact: e.OBJECTION_OPEN_PER_CONTACT,
      digestSeconds: e.OBJECTION_DIGEST_SECONDS,
    },
    mail: { smtpUrl: e.SMTP_URL ? e.SMTP_URL : null, from: e.MAIL_FROM },
    auditCheck: { time: e.AUDIT_CHECK_TIME },
    idempotency: { leaseSeconds: e.IDEMPOTENCY_LEASE_SECONDS },
  };
}

/** For process entry points: prints the one-line reason and exits instead of a stack trace. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
