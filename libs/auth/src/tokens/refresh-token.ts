import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer secret (refresh token, invitation token): 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
