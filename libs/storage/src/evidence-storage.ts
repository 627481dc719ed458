/** What the store knows about one stored evidence file; persist it next to the application's evidence record. */
export interface StoredObject {
  tenantId: string;
  key: string;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes, verified again on every read. */
  sha256: string;
}

/**
 * Evidence files, partitioned by tenant: a key stored for one tenant does not exist for any other. Objects are
 * write-once; `put` on an existing key fails with `evidence_already_exists`. Keys are ids the application generates
 * (`newEvidenceKey`), never file names from the user.
 */
export interface EvidenceStorage {
  put(tenantId: string, key: string, bytes: Buffer): Promise<StoredObject>;
  /** The bytes, after checking them against the checksum recorded at `put`; `evidence_checksum_mismatch` otherwise. */
  get(tenantId: string, key: string): Promise<Buffer>;
  /** True when something was deleted, false when there was nothing under the key. */
  delete(tenantId: string, key: string): Promise<boolean>;
  exists(tenantId: string, key: string): Promise<boolean>;
}
