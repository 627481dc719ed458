import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, Localized, ValidationFailedError } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { EvidenceStorage, inspectUpload, InspectedUpload, newEvidenceKey, UploadRejectedError, UploadRejectionCode } from '@subsidy/storage';
import { EntityManager } from 'typeorm';
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

/**
 * Multer hands over a UTF-8 file name decoded as Latin-1; recover it when that is what happened. The result is what
 * the user sent; inspectUpload cleans it (control and bidirectional characters, NFC, honest extension) for display.
 */
function receivedName(received: string): string {
  // Characters above U+00FF mean the name was decoded properly already (RFC 5987 `filename*`); re-encoding them as
  // Latin-1 would keep only their low byte (U+202E would become ".").
  if (/[^\u0000-\u00ff]/.test(received)) return received;
  const recovered = Buffer.from(received, 'latin1').toString('utf8');
  return recovered.includes('\uFFFD') ? received : recovered;
}

/** HTTP status per refusal: the size of the request is 413, a file that is not evidence 400, a file we refuse 422. */
const REJECTION_STATUS: Record<UploadRejectionCode, number> = {
  evidence_too_large: 413,
  evidence_empty: 400,
  evidence_type_not_allowed: 400,
  evidence_image_too_many_pixels: 422,
  evidence_image_unreadable: 422,
  evidence_pdf_active_content: 422,
  evidence_pdf_uninspectable: 422,
};

/** What a Chinese reader is told; the English message from @subsidy/storage carries the specifics. */
const REJECTION_ZH: Record<UploadRejectionCode, string> = {
  evidence_too_large: '文件超过 10 MB 上限',
  evidence_empty: '文件为空',
  evidence_type_not_allowed: '文件类型不被接受：证明材料须为 PDF、PNG、JPEG 或 WebP 文件（按文件内容判断）',
  evidence_image_too_many_pixels: '图片像素过多，超过上限，请缩小后重新上传',
  evidence_image_unreadable: '图片文件头无法读取尺寸，文件可能已损坏',
  evidence_pdf_active_content: 'PDF 含有 JavaScript 脚本或自动执行动作，不予接收；请“打印为 PDF”另存后重新上传',
  evidence_pdf_uninspectable: 'PDF 结构无法检查（可能已加密或损坏）；请去除密码另存后重新上传',
};

const MB = 1024 * 1024;

/**
 * Stores one evidence file for an application the applicant may still edit. The type is decided by the bytes (PDF,
 * PNG, JPEG, WebP), never by the name; images over the pixel limit and PDFs with scripts are refused; an application
 * holds at most `evidence.maxFilesPerApplication` files of `evidence.maxBytesPerApplication` bytes in all (checked
 * under the application's row lock, so concurrent uploads cannot overshoot). The bytes live under the tenant in
 * storage and the row records their checksum.
 */
@Injectable()
export class UploadEvidence {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: UploadEvidenceCommand): Promise<EvidenceView> {
    const inspected = await this.inspect(command.bytes, receivedName(command.fileName));
    const name = inspected.fileName;
    const tenantId = RequestContextStore.requireTenantId();
    const key = newEvidenceKey();
    try {
      return await this.transactions.run(async (manager) => {
        const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
        ApplicationAccess.assertEditable(application);
        await this.assertRoomFor(manager, application.id, inspected.sizeBytes);
        if (command.achievementId !== null) {
          const rows = (await manager.query(`select 1 from application_achievements where application_id = $1 and achievement_id = $2`, [
            application.id,
            command.achievementId,
          ])) as unknown[];
          if (rows.length === 0) {
            throw new ValidationFailedError({ zh: '所选成果不属于本申报', en: 'Invalid request: achievementId' }, [
              { path: 'achievementId', message: 'the application claims no achievement with this id', messageZh: '本申报没有该成果' },
            ]);
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

  /** The application's evidence caps; the caller holds the application's row lock. */
  private async assertRoomFor(manager: EntityManager, applicationId: string, sizeBytes: number): Promise<void> {
    const { maxFilesPerApplication: maxFiles, maxBytesPerApplication: maxBytes } = this.config.evidence;
    const [held] = await queryRows<{ files: number; bytes: string }>(
      manager,
      `select count(*)::int as files, coalesce(sum(size_bytes), 0)::text as bytes from evidence_files where application_id = $1`,
      [applicationId],
    );
    if (held.files >= maxFiles) {
      throw new EvidenceRejectedError('evidence_too_many_files', 422, {
        en: `The application already has ${held.files} evidence files, the most it may hold (${maxFiles}); remove one before adding another`,
        zh: `该申请已有 ${held.files} 个证明材料文件，已达上限（${maxFiles} 个）；请先删除不需要的文件`,
      });
    }
    const total = Number(held.bytes) + sizeBytes;
    if (total > maxBytes) {
      // Tenths of a megabyte, rounded, in integers.
      const mb = (bytes: number) => {
        const tenths = Math.round((bytes * 10) / MB);
        return `${Math.floor(tenths / 10)}.${tenths % 10}`;
      };
      throw new EvidenceRejectedError('evidence_total_too_large', 422, {
        en: `This file would bring the application's evidence to ${mb(total)} MB; the most it may hold is ${mb(maxBytes)} MB in all`,
        zh: `加上此文件，该申请的证明材料合计 ${mb(total)} MB，超过 ${mb(maxBytes)} MB 的总量上限`,
      });
    }
  }

  private async inspect(bytes: Buffer, name: string): Promise<InspectedUpload> {
    try {
      return await inspectUpload(bytes, name, { maxBytes: EVIDENCE_MAX_BYTES, maxImagePixels: this.config.evidence.maxImagePixels });
    } catch (error) {
      if (error instanceof UploadRejectedError) {
        const message: Localized = { en: error.message, zh: REJECTION_ZH[error.code] };
        throw new EvidenceRejectedError(error.code, REJECTION_STATUS[error.code], message, error.path);
      }
      throw error;
    }
  }
}
