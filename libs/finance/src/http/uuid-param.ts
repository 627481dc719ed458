import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '@subsidy/common';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedError({ zh: '链接中的编号格式有误', en: `Invalid request: ${name}` }, [{ path: name, message: `${name} must be a UUID`, messageZh: '编号格式有误' }]) });
