import { Module } from '@nestjs/common';
import { PolicyVersionStoreModule } from '../store/policy-version-store.module';
import { DraftInspector } from './draft-inspector';
import { PolicyVersionsController } from './policy-versions.controller';
import { ApproveVersion } from './use-cases/approve-version';
import { CreateDraft } from './use-cases/create-draft';
import { GetOverview } from './use-cases/get-overview';
import { GetVersion } from './use-cases/get-version';
import { ListVersions } from './use-cases/list-versions';
import { ReturnVersion } from './use-cases/return-version';
import { RunDraftCases } from './use-cases/run-draft-cases';
import { SubmitVersion } from './use-cases/submit-version';
import { UpdateDraft } from './use-cases/update-draft';
import { ValidateText } from './use-cases/validate-text';

/** Drafting, validation, cases and four-eyes publication of policy versions (issue 11, HTTP under /policy-versions). */
@Module({
  imports: [PolicyVersionStoreModule],
  controllers: [PolicyVersionsController],
  providers: [DraftInspector, ListVersions, GetVersion, CreateDraft, UpdateDraft, ValidateText, RunDraftCases, SubmitVersion, ApproveVersion, ReturnVersion, GetOverview],
  exports: [DraftInspector],
})
export class PolicyVersionsDraftingModule {}
