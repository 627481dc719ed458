import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, configDir } from '@subsidy/config';
import { poolConfig, TenantTransactions } from '@subsidy/database';
import { CompiledPolicy, PolicyRepository, readTenantGeography, TenantGeography } from '@subsidy/policy';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadPublishedVersions, POLICY_VERSIONS_CHANNEL } from './published-versions';

/** A safety net under the notification: a process that missed it (its listening connection was down) catches up. */
export const POLICY_VERSIONS_REFRESH_MS = 60_000;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `id sha256:<first 12>` of each version, for the log line that shows a process took in a publish. */
const listVersions = (versions: readonly CompiledPolicy[]): string => versions.map((p) => `${p.id} sha256:${p.hash.slice(0, 12)}`).join(', ');

/**
 * Every tenant's published policy versions (table policy_versions), compiled once and held in memory so the engine
 * reads them synchronously through the PolicyRepository interface, as it read the files. Loaded before the
 * application starts (a stored version that no longer compiles stops the process, as a bad file did); then a publish
 * in any process reaches this one without a restart: the trigger's NOTIFY `policy_versions_changed` reloads that
 * tenant, a refresh every minute catches a missed notification, and only versions whose hash is new are compiled.
 * Division codes still come from `config/tenants/<id>.yaml` beside the policy folder (POLICY_DIR), as before.
 */
@Injectable()
export class PolicyVersionCache implements PolicyRepository, OnModuleInit, OnModuleDestroy {
  /** The caches of this process (tests and the demo run several applications in one process). */
  private static readonly live = new Set<PolicyVersionCache>();

  readonly dir = process.env.POLICY_DIR ?? configDir('policies');
  private readonly logger = new Logger('PolicyVersions');
  private byTenant = new Map<string, CompiledPolicy[]>();
  private readonly geographies = new Map<string, TenantGeography | undefined>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TenantTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Asks every cache of this process to reload a tenant now (a tenant just created or imported in this process). */
  static async reloadInProcess(tenantId: string): Promise<void> {
    await Promise.all([...PolicyVersionCache.live].map((cache) => cache.reload(tenantId)));
  }

  tenants(): string[] {
    return [...this.byTenant.entries()].filter(([, list]) => list.length > 0).map(([tenant]) => tenant).sort();
  }

  versions(tenant: string): CompiledPolicy[] {
    return this.byTenant.get(tenant) ?? [];
  }

  geography(tenant: string): TenantGeography | undefined {
    if (!this.geographies.has(tenant)) this.geographies.set(tenant, readTenantGeography(this.dir, tenant));
    return this.geographies.get(tenant);
  }

  async onModuleInit(): Promise<void> {
    // Listening (and taking in-process reload requests) before the first read, so a publish during start-up is seen.
    PolicyVersionCache.live.add(this);
    await this.listen();
    try {
      await this.reloadAll({ strict: true });
    } catch (error) {
      await this.onModuleDestroy();
      throw error;
    }
    this.started = true;
    const count = [...this.byTenant.values()].reduce((sum, list) => sum + list.length, 0);
    this.logger.log(`${count} published policy version(s) of ${this.tenants().length} tenant(s) loaded`);
    this.timer = setInterval(() => void this.tick(), POLICY_VERSIONS_REFRESH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    PolicyVersionCache.live.delete(this);
    if (this.timer) clearInterval(this.timer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /**
   * Re-reads one tenant's published versions now (a publish use case calls it after its commit, so the publishing
   * process does not wait for the notification). Concurrent calls for a tenant coalesce into one more read after the
   * running one. A version that fails to compile leaves the tenant's previous versions in place and rejects.
   */
  async reload(tenantId: string): Promise<void> {
    const running = this.loading.get(tenantId);
    if (running) {
      this.again.add(tenantId);
      return running;
    }
    const work = (async () => {
      do {
        this.again.delete(tenantId);
        const known = this.byTenant.get(tenantId) ?? [];
        const versions = await this.transactions.runFor(tenantId, (manager) => loadPublishedVersions(manager, tenantId, known));
        const next = new Map(this.byTenant);
        next.set(tenantId, versions);
        this.byTenant = next;
        if (this.started && listVersions(versions) !== listVersions(known)) this.logger.log(`policy versions of ${tenantId} reloaded: ${listVersions(versions) || '(none)'}`);
      } while (this.again.has(tenantId) && !this.closed);
    })().finally(() => this.loading.delete(tenantId));
    this.loading.set(tenantId, work);
    return work;
  }

  /** Every tenant of the registry; `strict` (start-up) throws on the first problem, otherwise problems are logged. */
  async reloadAll(options: { strict?: boolean } = {}): Promise<void> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`select id from tenants order by id`);
    const ids = rows.map((r) => r.id);
    for (const id of ids) {
      try {
        await this.reload(id);
      } catch (error) {
        if (options.strict) throw error;
        this.logger.error(`could not reload the policy versions of ${id}: ${message(error)}`);
      }
    }
    const gone = [...this.byTenant.keys()].filter((id) => !ids.includes(id));
    if (gone.length > 0) {
      const next = new Map(this.byTenant);
      for (const id of gone) next.delete(id);
      this.byTenant = next;
    }
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.listener) await this.listen();
      await this.reloadAll();
    } catch (error) {
      this.logger.warn(`could not refresh the policy versions: ${message(error)}`);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ ...poolConfig(this.config, 'app'), application_name: 'subsidy-hub:policy-versions' });
    const drop = (): void => {
      if (this.listener === client) this.listener = undefined;
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (note) => {
      if (note.channel !== POLICY_VERSIONS_CHANNEL || this.closed || !note.payload) return;
      const tenantId = note.payload;
      this.reload(tenantId).catch((error: unknown) => this.logger.error(`could not reload the policy versions of ${tenantId}: ${message(error)}`));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${POLICY_VERSIONS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`not listening for policy version changes (reloading every ${POLICY_VERSIONS_REFRESH_MS / 1000} s instead): ${message(error)}`);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }
}
