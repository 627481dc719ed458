import { EntityManager } from 'typeorm';
import { ExpertDeclarationRequiredError } from '../review-errors';

/** The words the expert confirms, kept with the record as they read them. */
export const NO_CONFLICT_STATEMENT = '本人与该申报单位无利益冲突；本人承诺如实声明，独立、公正地评审，对评审内容保密。';

export interface ExpertDeclaration {
  applicationId: string;
  expertId: string;
  statement: string;
  declaredAt: string;
}

/**
 * The experts' no-conflict declarations (expert_declarations), inside a TenantTransactions run. The gate applies to a
 * seat still open (invited): a scored seat was scored after its declaration (the score requires one), and seats scored
 * before the declarations were recorded keep reading what they scored.
 */
export const ExpertDeclarations = {
  async find(manager: EntityManager, applicationId: string, expertId: string): Promise<ExpertDeclaration | undefined> {
    const rows = (await manager.query(
      `select application_id as "applicationId", expert_id as "expertId", statement, declared_at as "declaredAt"
         from expert_declarations where application_id = $1 and expert_id = $2`,
      [applicationId, expertId],
    )) as Array<Omit<ExpertDeclaration, 'declaredAt'> & { declaredAt: Date }>;
    return rows[0] && { ...rows[0], declaredAt: rows[0].declaredAt.toISOString() };
  },

  /** Records the declaration once; a second call keeps the first record (same who, earlier when). */
  async insert(manager: EntityManager, tenantId: string, applicationId: string, expertId: string, at: Date): Promise<{ created: boolean }> {
    const rows = (await manager.query(
      `insert into expert_declarations (tenant_id, application_id, expert_id, statement, declared_at) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning 1`,
      [tenantId, applicationId, expertId, NO_CONFLICT_STATEMENT, at],
    )) as unknown[];
    return { created: rows.length > 0 };
  },

  /** 403 expert_declaration_required for an expert whose open seat on the application has no declaration yet. */
  async assertDeclared(manager: EntityManager, applicationId: string, expertId: string): Promise<void> {
    const rows = (await manager.query(
      `select 1 from panel_members m
        where m.application_id = $1 and m.expert_id = $2 and m.status = 'invited'
          and not exists (select 1 from expert_declarations d where d.application_id = m.application_id and d.expert_id = m.expert_id)`,
      [applicationId, expertId],
    )) as unknown[];
    if (rows.length > 0) throw new ExpertDeclarationRequiredError();
  },
};
