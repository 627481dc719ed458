export type StorageErrorCode =
  | 'invalid_tenant_id'
  | 'invalid_evidence_key'
  | 'evidence_not_found'
  | 'evidence_already_exists'
  | 'evidence_checksum_mismatch';

/** An expected storage failure with a one-line message; `path` names the offending argument when there is one. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly path: string = '',
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
