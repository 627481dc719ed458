import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { UserNotFoundError } from '../../auth-errors';
import { assertMayManage } from '../account-authority';
import { UserRow } from '../user-record';
import { UserStore } from '../user-store';

/**
 * The account an administrator acts on, locked for the rest of the transaction: in the acting tenant only (row-level
 * security makes another tenant's user a 404), and only if the administrator may manage it.
 */
export async function loadManagedAccount(manager: EntityManager, actor: Actor, userId: string): Promise<UserRow> {
  const row = await UserStore.lockRow(manager, userId);
  if (!row) throw new UserNotFoundError();
  assertMayManage(actor, { id: row.id, role: row.role });
  return row;
}
