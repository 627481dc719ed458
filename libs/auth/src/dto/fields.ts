import { applyDecorators } from '@nestjs/common';
import { IsEmailAddress } from '@subsidy/common';
import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Field rules shared by every request that names a tenant or a user, mirroring the database checks. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

export const TenantIdField = (): PropertyDecorator =>
  applyDecorators(IsString(), MaxLength(63), Matches(TENANT_ID_PATTERN, { message: '$property must be a tenant id such as "weihai"' }));

export const NewUsernameField = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(64),
    Matches(USERNAME_PATTERN, { message: '$property must be 3-64 lower-case letters, digits or . _ @ -, starting with a letter or digit' }),
  );

/** A password being set: long enough to resist guessing; the upper bound keeps hashing cost bounded. */
export const NewPasswordField = (): PropertyDecorator => applyDecorators(IsString(), MinLength(10), MaxLength(128));

export const DisplayNameField = (): PropertyDecorator => applyDecorators(IsString(), IsNotEmpty(), MaxLength(100));

export const EmailField = (): PropertyDecorator => applyDecorators(IsString(), MaxLength(254), IsEmailAddress());
