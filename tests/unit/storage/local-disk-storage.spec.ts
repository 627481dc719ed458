import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { LocalDiskStorage, StorageError, newEvidenceKey } from '@subsidy/storage';
import { minimalPdf } from './support/sample-files';

let root: string;
let storage: LocalDiskStorage;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(tmpdir(), 'evidence-'));
  storage = new LocalDiskStorage(root);
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error('expected a StorageError');
}

describe('LocalDiskStorage', () => {
  it('stores bytes under <root>/<tenant>/<key> and reads them back with their checksum', async () => {
    const key = newEvidenceKey();
    const bytes = minimalPdf();
    const stored = await storage.put('weihai', key, bytes);
    expect(stored).toEqual({
      tenantId: 'weihai',
      key,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await fs.readFile(path.join(root, 'weihai', key))).toEqual(bytes);
    expect(await storage.get('weihai', key)).toEqual(bytes);
    expect(await storage.exists('weihai', key)).toBe(true);
  });

  it('leaves no temporary files behind', async () => {
    await storage.put('weihai', newEvidenceKey(), minimalPdf());
    const names = await fs.readdir(path.join(root, 'weihai'));
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(2);
  });

  it('keeps tenants apart: a key stored for one tenant does not exist for another', async () => {
    const key = newEvidenceKey();
    await storage.put('weihai', key, minimalPdf());
    expect(await storage.exists('huangpu', key)).toBe(false);
    expect((await failure(storage.get('huangpu', key))).code).toBe('evidence_not_found');
    expect(await storage.delete('huangpu', key)).toBe(false);
    expect(await storage.get('weihai', key)).toEqual(minimalPdf());
  });

  it('is write-once', async () => {
    const key = newEvidenceKey();
    await storage.put('weihai', key, minimalPdf());
    const error = await failure(storage.put('weihai', key, Buffer.from('something else')));
    expect(error.code).toBe('evidence_already_exists');
    expect(await storage.get('weihai', key)).toEqual(minimalPdf());
  });

  it('deletes, and a deleted key is gone', async () => {
    const key = newEvidenceKey();
    await storage.put('weihai', key, minimalPdf());
    expect(await storage.delete('weihai', key)).toBe(true);
    expect(await storage.exists('weihai', key)).toBe(false);
    expect((await failure(storage.get('weihai', key))).code).toBe('evidence_not_found');
    expect(await storage.delete('weihai', key)).toBe(false);
  });

  it('stores an empty buffer faithfully (rejecting empties is inspectUpload’s job)', async () => {
    const key = newEvidenceKey();
    await storage.put('weihai', key, Buffer.alloc(0));
    expect(await storage.get('weihai', key)).toEqual(Buffer.alloc(0));
  });

  describe('detects tampering on read', () => {
    it('a flipped byte', async () => {
      const key = newEvidenceKey();
      await storage.put('weihai', key, minimalPdf());
      const file = path.join(root, 'weihai', key);
      const bytes = await fs.readFile(file);
      bytes[10] ^= 0xff;
      await fs.writeFile(file, bytes);
      const error = await failure(storage.get('weihai', key));
      expect(error.code).toBe('evidence_checksum_mismatch');
      expect(error.message).toContain(key);
      expect(error.message).toContain('corrupted');
    });

    it('a truncated file', async () => {
      const key = newEvidenceKey();
      await storage.put('weihai', key, minimalPdf());
      await fs.truncate(path.join(root, 'weihai', key), 5);
      expect((await failure(storage.get('weihai', key))).code).toBe('evidence_checksum_mismatch');
    });

    it('a missing file whose record remains', async () => {
      const key = newEvidenceKey();
      await storage.put('weihai', key, minimalPdf());
      await fs.unlink(path.join(root, 'weihai', key));
      expect((await failure(storage.get('weihai', key))).code).toBe('evidence_checksum_mismatch');
    });

    it('a damaged checksum record', async () => {
      const key = newEvidenceKey();
      await storage.put('weihai', key, minimalPdf());
      await fs.writeFile(path.join(root, 'weihai', `${key}.sha256`), '{not json');
      expect((await failure(storage.get('weihai', key))).code).toBe('evidence_checksum_mismatch');
    });
  });

  describe('refuses unsafe keys and tenant ids before touching the disk', () => {
    it.each([
      ['../../etc/passwd'],
      ['..'],
      ['.'],
      ['a/b/c/d/e/f'],
      ['abcdefgh/../../x'],
      ['C:\\Windows\\x'],
      ['/absolute/path'],
      ['abcdefgh.sha256'],
      ['.hidden-key-1'],
      ['short'],
      ['key with spaces'],
      ['bad\u0000nul-byte'],
      ['x'.repeat(129)],
      [''],
    ])('key %j', async (key) => {
      const error = await failure(storage.put('weihai', key, minimalPdf()));
      expect(error.code).toBe('invalid_evidence_key');
      expect(error.path).toBe('key');
      expect((await failure(storage.get('weihai', key))).code).toBe('invalid_evidence_key');
      expect((await failure(storage.exists('weihai', key))).code).toBe('invalid_evidence_key');
      expect((await failure(storage.delete('weihai', key))).code).toBe('invalid_evidence_key');
    });

    it.each([['..'], ['../weihai'], ['Weihai'], ['weihai/evil'], [''], ['a'], ['-x']])('tenant id %p', async (tenantId) => {
      const error = await failure(storage.put(tenantId, newEvidenceKey(), minimalPdf()));
      expect(error.code).toBe('invalid_tenant_id');
      expect(error.path).toBe('tenantId');
    });

    it('leaves the root untouched after refused writes', async () => {
      await failure(storage.put('weihai', '../../escape-attempt', minimalPdf()));
      await failure(storage.put('../escape', newEvidenceKey(), minimalPdf()));
      expect(await fs.readdir(root)).toEqual([]);
    });
  });

  it('accepts UUID tenant ids and generated keys', async () => {
    const tenant = '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
    const key = newEvidenceKey();
    await storage.put(tenant, key, minimalPdf());
    expect(await storage.exists(tenant, key)).toBe(true);
  });
});
