import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { NotificationNotFoundError } from '../notification-errors';
import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor';

export interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  entity: { type: string; id: string } | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

interface Row {
  id: string;
  kind: string;
  subject: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  readAt: Date | null;
  cursorAt: string;
}

const COLUMNS = `id, kind, subject, body, entity_type as "entityType", entity_id as "entityId", created_at as "createdAt",
  read_at as "readAt", to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"`;

/** Mine = addressed to my account, or (for an applicant) to my organization. */
const MINE = `(user_id = $1::uuid or ($2::uuid is not null and organization_id = $2::uuid))`;

function view(row: Row): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    entity: row.entityType && row.entityId ? { type: row.entityType, id: row.entityId } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

/** The signed-in user's notifications, newest first, and marking one read. */
@Injectable()
export class MyNotifications {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A page of my notifications: newest first after `cursorText` (keyset paging, the original form), or `offset` rows
   * into the chosen order (page/pageSize). `unread` keeps only those not yet read; `total` counts all that match.
   */
  async list(
    actor: Actor,
    limit: number,
    cursorText?: string,
    options: { unread?: boolean; offset?: number; oldestFirst?: boolean } = {},
  ): Promise<NotificationPage & { total: number }> {
    const cursor = cursorText ? decodeNotificationCursor(cursorText) : null;
    const organizationId = actor.role === 'applicant' ? (actor.organizationId ?? null) : null;
    const filter = `${MINE} and ($3::boolean is not true or read_at is null)`;
    const direction = options.oldestFirst ? 'asc' : 'desc';
    const { rows, total } = await this.transactions.run(async (manager) => ({
      rows: await queryRows<Row>(
        manager,
        `select ${COLUMNS} from notifications
          where ${filter} and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::uuid))
          order by created_at ${direction}, id ${direction} limit $6 offset $7`,
        [actor.id, organizationId, options.unread ?? null, cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1, options.offset ?? 0],
      ),
      total: (await queryRows<{ total: number }>(manager, `select count(*)::int as total from notifications where ${filter}`, [actor.id, organizationId, options.unread ?? null]))[0]?.total ?? 0,
    }));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(view),
      // The cursor continues the newest-first order only.
      nextCursor: !options.oldestFirst && rows.length > limit && last ? encodeNotificationCursor({ createdAt: last.cursorAt, id: last.id }) : null,
      total,
    };
  }

  /** Marks every unread notification of mine read (as one read each: not audited, like a single read); how many it marked. */
  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const organizationId = actor.role === 'applicant' ? (actor.organizationId ?? null) : null;
    const rows = await this.transactions.run((manager) =>
      queryRows<{ id: string }>(manager, `update notifications set read_at = $3 where read_at is null and ${MINE} returning id`, [actor.id, organizationId, this.clock.now()]),
    );
    return { marked: rows.length };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const organizationId = actor.role === 'applicant' ? (actor.organizationId ?? null) : null;
    const [row] = await this.transactions.run((manager) =>
      queryRows<Row>(
        manager,
        `update notifications set read_at = coalesce(read_at, $3) where id = $4 and ${MINE} returning ${COLUMNS}`,
        [actor.id, organizationId, this.clock.now(), id],
      ),
    );
    if (!row) throw new NotificationNotFoundError();
    return view(row);
  }
}
