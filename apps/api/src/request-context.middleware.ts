import { Injectable, NestMiddleware } from '@nestjs/common';
import { RequestContextStore } from '@subsidy/tenancy';
import type { NextFunction, Request, Response } from 'express';

/** Opens an empty context for every request; authentication fills in the tenant and the actor. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: unknown }, _response: Response, next: NextFunction): void {
    RequestContextStore.run({ requestId: typeof request.id === 'string' ? request.id : undefined }, next);
  }
}
