import { EntityManager } from 'typeorm';
import { RenameRequestDecidedError, RenameRequestNotFoundError } from './rename-request-errors';
import { RenameRequest, RenameRequestStore } from './rename-request-record';

/** The request, locked, if it is still waiting: 404 when there is none in the tenant, 409 when already decided. */
export async function lockPendingRequest(manager: EntityManager, id: string): Promise<RenameRequest> {
  const request = await RenameRequestStore.lock(manager, id);
  if (!request) throw new RenameRequestNotFoundError();
  if (request.status !== 'pending') throw new RenameRequestDecidedError(request.status);
  return request;
}
