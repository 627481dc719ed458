import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'subsidy:isPublic';

/** Opts a route out of the global access-token guard (sign-in, registration, invitation acceptance, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
