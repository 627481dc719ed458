import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { isUniqueViolation, OutOfScopeError } from '@subsidy/auth';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, ProgramStore } from '../../core';
import { ProgramWindow } from '../../programs/program-window';
import { currentApplicant } from '../applicant-facts';
import { ApplicationExistsError } from '../application-errors';

export interface CreateApplicationCommand {
  actor: Actor;
  programId: string;
}

/**
 * An applicant starts its organization's application to an open program. Routing is fixed here: the organization's
 * district reviews it, unless its kind is one the city reviews directly (review.cityReviewedKinds).
 */
@Injectable()
export class CreateApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateApplicationCommand): Promise<ApplicationRecord> {
    const organizationId = command.actor.organizationId;
    if (command.actor.role !== 'applicant' || !organizationId) throw new OutOfScopeError({ zh: '只有申报单位可以提交申报', en: 'Only an applicant organization can apply' });
    try {
      return await this.transactions.run((manager) => this.create(manager, command.programId, organizationId));
    } catch (error) {
      // Two tabs creating at once: the unique (program, organization) constraint lets one in; name it to the other.
      if (isUniqueViolation(error, 'applications_tenant_id_program_id_organization_id_key')) throw new ApplicationExistsError(await this.existingId(command.programId, organizationId));
      throw error;
    }
  }

  private async create(manager: EntityManager, programId: string, organizationId: string): Promise<ApplicationRecord> {
    const program = await ProgramStore.get(manager, programId);
    const existing = await this.findExisting(manager, programId, organizationId);
    if (existing) throw new ApplicationExistsError(existing);
    ProgramWindow.assertOpenFor(program, this.clock);
    const applicant = await currentApplicant(manager, organizationId);
    const reviewLevel = program.review.cityReviewedKinds.includes(applicant.kind) ? 'city' : 'district';
    const [created] = await queryRows<ApplicationRecord>(
      manager,
      `insert into applications (tenant_id, program_id, organization_id, district_code, review_level, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $6) returning ${ApplicationStore.COLUMNS}`,
      [RequestContextStore.requireTenantId(), programId, organizationId, applicant.districtCode, reviewLevel, this.clock.now()],
    );
    await this.audit.record(manager, {
      action: 'application.created',
      entityType: 'application',
      entityId: created.id,
      data: { programId, organizationId, districtCode: applicant.districtCode, reviewLevel },
    });
    return created;
  }

  private async findExisting(manager: EntityManager, programId: string, organizationId: string): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(manager, `select id from applications where program_id = $1 and organization_id = $2`, [programId, organizationId]);
    return rows[0]?.id;
  }

  private async existingId(programId: string, organizationId: string): Promise<string> {
    const id = await this.transactions.run((manager) => this.findExisting(manager, programId, organizationId));
    if (!id) throw new Error('unique violation on applications without an existing row');
    return id;
  }
}
