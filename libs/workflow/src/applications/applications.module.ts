import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@subsidy/idempotency';
import { PricingModule } from '../pricing/pricing.module';
import { evidenceStorageProvider } from './evidence/evidence-storage.provider';
import { ApplicationAuditController } from './http/application-audit.controller';
import { ApplicationsExportController } from './http/applications-export.controller';
import { ExportProgramApplications } from './export/export-program-applications';
import { ApplicationsController } from './http/applications.controller';
import { EvidenceController } from './http/evidence.controller';
import { EvidenceUploadInterceptor } from './http/evidence-upload.interceptor';
import { ApplicationAuditTrail } from './use-cases/application-audit-trail';
import { ApplicationQueries } from './use-cases/application-queries';
import { CreateApplication } from './use-cases/create-application';
import { DeclareTruth } from './use-cases/declare-truth';
import { EstimateAward } from './use-cases/estimate-award';
import { EvidenceAccess } from './use-cases/evidence-access';
import { ReplaceAchievements } from './use-cases/replace-achievements';
import { SubmitApplication } from './use-cases/submit-application';
import { UploadEvidence } from './use-cases/upload-evidence';
import { WithdrawApplication } from './use-cases/withdraw-application';

/** Applications: drafting, evidence, the live estimate, declaration, idempotent submission, withdrawal and listings. */
@Module({
  imports: [IdempotencyModule, PricingModule],
  controllers: [ApplicationsController, EvidenceController, ApplicationAuditController, ApplicationsExportController],
  providers: [
    evidenceStorageProvider,
    EvidenceUploadInterceptor,
    CreateApplication,
    ReplaceAchievements,
    EstimateAward,
    DeclareTruth,
    SubmitApplication,
    WithdrawApplication,
    ApplicationQueries,
    ApplicationAuditTrail,
    UploadEvidence,
    EvidenceAccess,
    ExportProgramApplications,
  ],
  exports: [SubmitApplication],
})
export class ApplicationsModule {}
