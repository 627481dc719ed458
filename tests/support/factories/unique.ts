import { randomBytes } from 'node:crypto';

let counter = 0;

/** A short value unique within the test process, for ids and usernames that must not collide across tests. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${counter.toString(36)}${randomBytes(3).toString('hex')}`;
}
