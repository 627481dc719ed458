import { Injectable, NestMiddleware } from '@nestjs/common';
import { RequestContextStore } from '@subsidy/tenancy';
import type { NextFunction, Request, Response } from 'express';

/**
 * Opens an empty context for every request (authentication fills in the tenant and the actor) and echoes the request
 * id that the logger assigned, so a user can quote it.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: unknown }, response: Response, next: NextFunction): void {
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (requestId) response.setHeader('X-Request-Id', requestId);
    RequestContextStore.run({ requestId }, next);
  }
}
