import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain-error';

/** Parses a UUID path parameter, answering 400 naming the parameter instead of Nest's generic message. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new ValidationFailedError({ zh: '链接中的编号格式有误', en: `Invalid request: ${name}` }, [{ path: name, message: `${name} must be a UUID`, messageZh: '编号格式有误' }]),
  });
