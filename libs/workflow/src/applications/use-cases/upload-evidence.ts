import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { EvidenceStorage, inspectUpload, InspectedUpload, newEvidenceKey, UploadRejectedError } from '@subsidy/storage';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationAccess } from '../application-access';
import { EvidenceRejectedError } from '../application-errors';
import { EvidenceFiles, EvidenceView, viewOf } from '../evidence/evidence-files';
import { EVIDENCE_MAX_BYTES, EVIDENCE_STORAGE } from '../evidence/evidence-storage.provider';

export interface UploadEvidenceCommand {
  actor: Actor;
  applicationId: string;
  bytes: Buffer;
  fileName: string;
  achievementId: string | null;
  material: string | null;
}

/** Multer hands over a UTF-8 file name decoded as Latin-1; recover it when that is what happened. */
function displayName(received: string): string {
  const recovered = Buffer.from(received, 'latin1').toString('utf8');
  const name = recovered.includes('\uFFFD') ? received : recovered;
  return name.slice(0, 255) || 'evidence';
}

/**
 * Stores one evidence file for an application the applicant may still edit. The type is decided by the bytes (PDF,
 * PNG, JPEG, WebP), never by the name; the bytes live under the tenant in storage and the row records their checksum.
 */
@Injectable()
export class UploadEvidence {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: UploadEvidenceCommand): Promise<EvidenceView> {
    const name = displayName(command.fileName);
    const inspected = await this.inspect(command.bytes, name);
    const tenantId = RequestContextStore.requireTenantId();
    const key = newEvidenceKey();
    try {
      return await this.transactions.run(async (manager) => {
        const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
        ApplicationAccess.assertEditable(application);
        if (command.achievementId !== null) {
          const rows = (await manager.query(`select 1 from application_achievements where application_id = $1 and achievement_id = $2`, [
            application.id,
            command.achievementId,
          ])) as unknown[];
          if (rows.length === 0) {
            throw new ValidationFailedError('Invalid request: achievementId', [{ path: 'achievementId', message: 'the application claims no achievement with this id' }]);
          }
        }
        const stored = await this.storage.put(tenantId, key, command.bytes);
        const record = await EvidenceFiles.insert(manager, {
          tenantId,
          applicationId: application.id,
          achievementId: command.achievementId,
          material: command.material,
          storageKey: key,
          sha256: stored.sha256,
          mime: inspected.mime,
          sizeBytes: stored.sizeBytes,
          originalName: name,
          uploadedBy: command.actor.id,
          uploadedAt: this.clock.now(),
        });
        await this.audit.record(manager, {
          action: 'evidence.uploaded',
          entityType: 'application',
          entityId: application.id,
          data: { evidenceId: record.id, sha256: record.sha256, mime: record.mime, sizeBytes: record.sizeBytes, achievementId: record.achievementId },
        });
        return viewOf(record);
      });
    } catch (error) {
      // The row did not commit, so the bytes must not stay behind (delete is a no-op when nothing was written).
      await this.storage.delete(tenantId, key).catch(() => undefined);
      throw error;
    }
  }

  private async inspect(bytes: Buffer, name: string): Promise<InspectedUpload> {
    try {
      return await inspectUpload(bytes, name, { maxBytes: EVIDENCE_MAX_BYTES });
    } catch (error) {
      if (error instanceof UploadRejectedError) {
        throw new EvidenceRejectedError(error.code, error.code === 'evidence_too_large' ? 413 : 400, error.message, error.path);
      }
      throw error;
    }
  }
}
