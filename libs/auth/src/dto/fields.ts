import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmailAddress } from '@subsidy/common';
import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Field rules shared by every request that names a tenant or a user, mirroring the database checks. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

export const TenantIdField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'Tenant id (a city or district government)', example: 'weihai', maxLength: 63, pattern: TENANT_ID_PATTERN.source }),
    IsString(),
    MaxLength(63),
    Matches(TENANT_ID_PATTERN, { message: '$property must be a tenant id such as "weihai"' }));

export const NewUsernameField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'Sign-in name: 3-64 lower-case letters, digits or . _ @ -', example: 'zhang.wei', minLength: 3, maxLength: 64, pattern: USERNAME_PATTERN.source }),
    IsString(),
    MaxLength(64),
    Matches(USERNAME_PATTERN, { message: '$property must be 3-64 lower-case letters, digits or . _ @ -, starting with a letter or digit' }),
  );

/** A password being set: long enough to resist guessing; the upper bound keeps hashing cost bounded. */
export const NewPasswordField = (): PropertyDecorator => applyDecorators(ApiProperty({ description: 'New password, 10-128 characters', minLength: 10, maxLength: 128, format: 'password' }), IsString(), MinLength(10), MaxLength(128));

export const DisplayNameField = (): PropertyDecorator => applyDecorators(ApiProperty({ description: 'Name shown to other users', example: '张伟', maxLength: 100 }), IsString(), IsNotEmpty(), MaxLength(100));

export const EmailField = (): PropertyDecorator => applyDecorators(ApiProperty({ description: 'E-mail address', example: 'zhang.wei@example.cn', format: 'email', maxLength: 254 }), IsString(), MaxLength(254), IsEmailAddress());
