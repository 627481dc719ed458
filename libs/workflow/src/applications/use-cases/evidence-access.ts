import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { EvidenceStorage, StorageError } from '@subsidy/storage';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationNotFoundError } from '../../core';
import { ApplicationAccess } from '../application-access';
import { EvidenceCorruptedError, EvidenceNotFoundError } from '../application-errors';
import { EvidenceFiles, EvidenceView } from '../evidence/evidence-files';
import { EVIDENCE_STORAGE } from '../evidence/evidence-storage.provider';

export interface EvidenceContent {
  evidence: EvidenceView;
  bytes: Buffer;
}

/**
 * Reading and removing evidence. A file is found through its row, which row-level security hides from other tenants
 * (404), and the bytes are read from the acting tenant's folder only, after their checksum is verified.
 */
@Injectable()
export class EvidenceAccess {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async list(actor: Actor, applicationId: string): Promise<{ items: EvidenceView[] }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.read(manager, actor, applicationId);
      return { items: await EvidenceFiles.list(manager, application.id) };
    });
  }

  async content(actor: Actor, evidenceId: string): Promise<EvidenceContent> {
    const tenantId = RequestContextStore.requireTenantId();
    const record = await this.transactions.run(async (manager) => {
      const found = await EvidenceFiles.find(manager, evidenceId);
      if (!found) throw new EvidenceNotFoundError();
      try {
        await ApplicationAccess.read(manager, actor, found.applicationId);
      } catch (error) {
        // An application out of the reviewer's reach reads as absent: so does its evidence.
        if (error instanceof ApplicationNotFoundError) throw new EvidenceNotFoundError();
        throw error;
      }
      return found;
    });
    try {
      const bytes = await this.storage.get(tenantId, record.storageKey);
      const { storageKey: _key, ...evidence } = record;
      return { evidence, bytes };
    } catch (error) {
      if (error instanceof StorageError && error.code === 'evidence_not_found') throw new EvidenceNotFoundError();
      if (error instanceof StorageError && error.code === 'evidence_checksum_mismatch') throw new EvidenceCorruptedError();
      throw error;
    }
  }

  /** The applicant removes a file while it may still edit the application. */
  async delete(actor: Actor, evidenceId: string): Promise<void> {
    const tenantId = RequestContextStore.requireTenantId();
    const storageKey = await this.transactions.run(async (manager) => {
      const found = await EvidenceFiles.find(manager, evidenceId);
      if (!found) throw new EvidenceNotFoundError();
      const application = await ApplicationAccess.lockForApplicant(manager, actor, found.applicationId);
      ApplicationAccess.assertEditable(application);
      await EvidenceFiles.delete(manager, found.id);
      await this.audit.record(manager, {
        action: 'evidence.deleted',
        entityType: 'application',
        entityId: application.id,
        data: { evidenceId: found.id, sha256: found.sha256, originalName: found.originalName },
      });
      return found.storageKey;
    });
    // After the commit: a failed transaction must leave the bytes its row still points to.
    await this.storage.delete(tenantId, storageKey);
  }
}
