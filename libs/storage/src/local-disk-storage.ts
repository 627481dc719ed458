import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { EvidenceStorage, StoredObject } from './evidence-storage';
import { assertEvidenceKey, assertTenantId } from './keys';
import { StorageError } from './storage-error';

interface Manifest {
  sha256: string;
  sizeBytes: number;
}

const TEMP_PREFIX = '.tmp-';

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/**
 * Evidence on the local disk: `<root>/<tenantId>/<key>` holds the bytes and `<root>/<tenantId>/<key>.sha256` a small
 * JSON manifest with checksum and size. The manifest is renamed into place last, so it is the commit marker: an
 * object exists exactly when its manifest does, and a crash mid-write leaves no half object visible.
 */
export class LocalDiskStorage implements EvidenceStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  async put(tenantId: string, key: string, bytes: Buffer): Promise<StoredObject> {
    const { dir, file, manifest } = this.locate(tenantId, key);
    if (!Buffer.isBuffer(bytes)) throw new TypeError('bytes must be a Buffer');
    if (await this.exists(tenantId, key)) {
      throw new StorageError('evidence_already_exists', `evidence ${key} already exists for tenant ${tenantId}`, 'key');
    }
    await fs.mkdir(dir, { recursive: true });
    const stored: StoredObject = { tenantId, key, sizeBytes: bytes.length, sha256: sha256Of(bytes) };
    const record: Manifest = { sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    await this.writeAtomically(dir, file, bytes);
    await this.writeAtomically(dir, manifest, Buffer.from(JSON.stringify(record)));
    return stored;
  }

  async get(tenantId: string, key: string): Promise<Buffer> {
    const { file } = this.locate(tenantId, key);
    const record = await this.readManifest(tenantId, key);
    if (!record) throw this.notFound(tenantId, key);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if (isMissing(error)) {
        throw new StorageError('evidence_checksum_mismatch', `evidence ${key} of tenant ${tenantId} is recorded but its file is missing`, 'key');
      }
      throw error;
    }
    const actual = sha256Of(bytes);
    if (actual !== record.sha256 || bytes.length !== record.sizeBytes) {
      throw new StorageError(
        'evidence_checksum_mismatch',
        `evidence ${key} of tenant ${tenantId} is corrupted: sha256 ${actual} (${bytes.length} bytes) ` +
          `does not match the recorded ${record.sha256} (${record.sizeBytes} bytes)`,
        'key',
      );
    }
    return bytes;
  }

  async delete(tenantId: string, key: string): Promise<boolean> {
    const { file, manifest } = this.locate(tenantId, key);
    // Manifest first: once it is gone the object no longer exists, even if removing the bytes fails.
    const hadManifest = await removeIfPresent(manifest);
    const hadFile = await removeIfPresent(file);
    return hadManifest || hadFile;
  }

  async exists(tenantId: string, key: string): Promise<boolean> {
    return (await this.readManifest(tenantId, key)) !== undefined;
  }

  private locate(tenantId: string, key: string): { dir: string; file: string; manifest: string } {
    assertTenantId(tenantId);
    assertEvidenceKey(key);
    const dir = path.join(this.root, tenantId);
    const file = path.join(dir, key);
    // The patterns already exclude separators and dots; this is the second lock on the same door.
    if (path.dirname(file) !== dir || path.dirname(dir) !== this.root) {
      throw new StorageError('invalid_evidence_key', `key: ${JSON.stringify(key)} escapes the tenant folder`, 'key');
    }
    return { dir, file, manifest: `${file}.sha256` };
  }

  private async readManifest(tenantId: string, key: string): Promise<Manifest | undefined> {
    const { manifest } = this.locate(tenantId, key);
    let text: string;
    try {
      text = await fs.readFile(manifest, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const parsed = parseJson(text);
    if (!isManifest(parsed)) {
      throw new StorageError('evidence_checksum_mismatch', `evidence ${key} of tenant ${tenantId} has an unreadable checksum record`, 'key');
    }
    return parsed;
  }

  private async writeAtomically(dir: string, target: string, bytes: Buffer): Promise<void> {
    const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, target);
    } catch (error) {
      await removeIfPresent(temp);
      throw error;
    }
  }

  private notFound(tenantId: string, key: string): StorageError {
    return new StorageError('evidence_not_found', `evidence ${key} not found for tenant ${tenantId}`, 'key');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.sha256 === 'string' && /^[0-9a-f]{64}$/.test(record.sha256) && Number.isSafeInteger(record.sizeBytes);
}

async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await fs.unlink(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
