import { AuditLog } from '@subsidy/audit';
import { ManualClock } from '@subsidy/calendar';
import { Notifier } from '@subsidy/notifications';
import { JobContext } from '@subsidy/queue';
import { ProgramRecord, ProgramStatus } from '@subsidy/workflow';
import { CloseProgramHandler } from '../../../libs/workflow/src/programs/jobs/close-program.handler';
import { OpenProgramHandler } from '../../../libs/workflow/src/programs/jobs/open-program.handler';
import { ProgramNotOpenedYetError } from '../../../libs/workflow/src/programs/program-errors';
import { EntityManager } from 'typeorm';

const opensAt = new Date('2024-03-01T09:00:00+08:00');
const closesAt = new Date('2024-03-31T17:00:00+08:00');
const context: JobContext = { outboxId: 'outbox-1', queue: 'workflow', jobName: 'program.open', attempt: 1 };
const payload = { tenantId: 'tianjin', programId: 'p-1' };

/** A manager that answers the handlers' program reads from one in-memory row and records status updates. */
function fakeWorld(status: ProgramStatus) {
  const program: ProgramRecord = {
    tenantId: 'tianjin',
    id: 'p-1',
    year: 2024,
    title: '2024年度标准化资助',
    policyId: 'tianjin-2021',
    policyHash: 'a'.repeat(64),
    status,
    windowKind: 'batch',
    opensAt,
    closesAt,
    call: { title: '申报通知', body: '正文', materials: {} },
    review: {
      stages: { formal_check: true, district_review: false, technical_review: false, expert_review: false },
      formalCheckWorkingDays: null,
      correctionWorkingDays: 5,
      panel: null,
      publicity: { days: 7, unit: 'calendar' },
      cityReviewedKinds: [],
    },
    budgetTotalFen: '100',
    budgetRule: 'pro_rata',
    version: 3,
  };
  const updates: Array<{ to: string; version: number }> = [];
  const manager = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      if (sql.trimStart().startsWith('update programs')) {
        updates.push({ to: params[1] as string, version: params[3] as number });
        program.status = params[1] as ProgramStatus;
        program.version += 1;
        return [[{ ...program }], 1];
      }
      if (sql.includes('from programs')) return [{ ...program }];
      throw new Error(`unexpected query ${sql}`);
    }),
  } as unknown as EntityManager;
  const audit = { record: jest.fn(async () => undefined) };
  const notifier = { notify: jest.fn(async () => []) };
  return { program, updates, manager, audit, notifier };
}

function openHandler(world: ReturnType<typeof fakeWorld>, now: Date): OpenProgramHandler {
  return new OpenProgramHandler(world.audit as unknown as AuditLog, world.notifier as unknown as Notifier, new ManualClock(now));
}

function closeHandler(world: ReturnType<typeof fakeWorld>, now: Date): CloseProgramHandler {
  return new CloseProgramHandler(world.audit as unknown as AuditLog, world.notifier as unknown as Notifier, new ManualClock(now));
}

describe('program.open handler', () => {
  it('opens a scheduled program at its opening instant, audits it and tells officers and applicants', async () => {
    const world = fakeWorld('scheduled');
    await openHandler(world, opensAt).handle(world.manager, payload, context);
    expect(world.updates).toEqual([{ to: 'open', version: 3 }]);
    expect(world.audit.record).toHaveBeenCalledWith(world.manager, expect.objectContaining({ action: 'program.opened', entityId: 'p-1' }));
    expect(world.notifier.notify).toHaveBeenCalledWith(world.manager, [{ role: 'program_officer' }], expect.objectContaining({ kind: 'program.opened' }));
    expect(world.notifier.notify).toHaveBeenCalledWith(world.manager, [{ role: 'applicant' }], expect.objectContaining({ kind: 'program.opened' }));
  });

  it('does nothing when it arrives a millisecond early (the opening was moved; a newer job exists)', async () => {
    const world = fakeWorld('scheduled');
    await openHandler(world, new Date(opensAt.getTime() - 1)).handle(world.manager, payload, context);
    expect(world.updates).toEqual([]);
    expect(world.audit.record).not.toHaveBeenCalled();
    expect(world.notifier.notify).not.toHaveBeenCalled();
  });

  it.each<ProgramStatus>(['open', 'closed', 'cancelled', 'draft'])('leaves a %s program alone (idempotent)', async (status) => {
    const world = fakeWorld(status);
    await openHandler(world, new Date(opensAt.getTime() + 1000)).handle(world.manager, payload, context);
    expect(world.updates).toEqual([]);
    expect(world.audit.record).not.toHaveBeenCalled();
  });
});

describe('program.close handler', () => {
  it('closes an open program at its closing instant, audits it and tells program officers', async () => {
    const world = fakeWorld('open');
    await closeHandler(world, closesAt).handle(world.manager, payload, { ...context, jobName: 'program.close' });
    expect(world.updates).toEqual([{ to: 'closed', version: 3 }]);
    expect(world.audit.record).toHaveBeenCalledWith(world.manager, expect.objectContaining({ action: 'program.closed' }));
    expect(world.notifier.notify).toHaveBeenCalledWith(world.manager, [{ role: 'program_officer' }], expect.objectContaining({ kind: 'program.closed' }));
  });

  it('does nothing before the closing instant', async () => {
    const world = fakeWorld('open');
    await closeHandler(world, new Date(closesAt.getTime() - 1)).handle(world.manager, payload, context);
    expect(world.updates).toEqual([]);
  });

  it('fails (to be retried) when it overtook the opening job of a program still scheduled', async () => {
    const world = fakeWorld('scheduled');
    await expect(closeHandler(world, closesAt).handle(world.manager, payload, context)).rejects.toThrow(ProgramNotOpenedYetError);
    expect(world.updates).toEqual([]);
  });

  it.each<ProgramStatus>(['closed', 'cancelled', 'decided'])('leaves a %s program alone (idempotent)', async (status) => {
    const world = fakeWorld(status);
    await closeHandler(world, new Date(closesAt.getTime() + 1000)).handle(world.manager, payload, context);
    expect(world.updates).toEqual([]);
    expect(world.audit.record).not.toHaveBeenCalled();
  });
});
