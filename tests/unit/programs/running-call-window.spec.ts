import { ManualClock } from '@subsidy/calendar';
import { DomainError } from '@subsidy/common';
import { configDir } from '@subsidy/config';
import { CompiledPolicy, loadPolicyRepository } from '@subsidy/policy';
import { ProgramRecord } from '@subsidy/workflow';
import { assertWindowAllowed, NewWindow } from '../../../libs/workflow/src/programs/running-call/window-limits';

const repository = loadPolicyRepository(configDir('policies'));
const real = (tenant: string, id: string): CompiledPolicy => {
  const policy = repository.versions(tenant).find((p) => p.id === id);
  if (!policy) throw new Error(`no policy ${id}`);
  return policy;
};
const liaocheng = real('liaocheng', 'liaocheng-2021');
const tianjin = real('tianjin', 'tianjin-2021');

/** Only what the window check reads of a program: its year, kind and review settings. */
function program(year: number): ProgramRecord {
  return {
    year,
    windowKind: 'batch',
    review: {
      stages: { formal_check: true, district_review: false, technical_review: false, expert_review: false },
      formalCheckWorkingDays: null,
      correctionWorkingDays: 10,
      panel: null,
      publicity: { days: 7, unit: 'working' },
      cityReviewedKinds: [],
    },
  } as Partial<ProgramRecord> as ProgramRecord;
}

const window = (opensAt: string, closesAt: string): NewWindow => ({ opensAt: new Date(opensAt), closesAt: new Date(closesAt) });

function refusal(run: () => void): { code: string; paths: string[] } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, paths: error.details.map((d) => d.path) };
  }
}

describe('the limits of a running call’s new window', () => {
  const clock = new ManualClock(new Date('2022-09-20T10:00:00+08:00'));

  it.each([
    ['an extension to the last day of the text’s application window (Liaocheng: 30 September)', liaocheng, 2022, window('2022-07-01T09:00:00+08:00', '2022-09-30T17:00:00+08:00'), null],
    ['an extension past 30 September, which Liaocheng 第六条第（二）项 forbids', liaocheng, 2022, window('2022-07-01T09:00:00+08:00', '2022-10-08T17:00:00+08:00'), { code: 'contradicts_policy', paths: ['closesAt'] }],
    ['a shortening to a minute before now', liaocheng, 2022, window('2022-07-01T09:00:00+08:00', '2022-09-20T09:59:00+08:00'), { code: 'validation_failed', paths: ['closesAt'] }],
    ['a shortening to now exactly', liaocheng, 2022, window('2022-07-01T09:00:00+08:00', '2022-09-20T10:00:00+08:00'), { code: 'validation_failed', paths: ['closesAt'] }],
    ['a shortening to a minute after now', liaocheng, 2022, window('2022-07-01T09:00:00+08:00', '2022-09-20T10:01:00+08:00'), null],
    ['a window closing before it opens', tianjin, 2022, window('2022-10-01T09:00:00+08:00', '2022-09-30T17:00:00+08:00'), { code: 'validation_failed', paths: ['closesAt'] }],
    ['a moved opening before the text came into force (tianjin-2021 from 2021-08-29)', tianjin, 2021, window('2021-08-28T09:00:00+08:00', '2022-09-30T17:00:00+08:00'), { code: 'contradicts_policy', paths: ['opensAt'] }],
    ['an extension past the text’s end (tianjin-2021 to 2024-08-28)', tianjin, 2024, window('2022-09-01T09:00:00+08:00', '2024-08-29T09:00:00+08:00'), { code: 'contradicts_policy', paths: ['closesAt'] }],
    ['a 2022 call moved wholly into 2023: the window no longer belongs to the program year', tianjin, 2022, window('2023-03-01T09:00:00+08:00', '2023-04-30T17:00:00+08:00'), { code: 'validation_failed', paths: ['closesAt'] }],
  ])('%s', (_case, policy, year, next, expected) => {
    expect(refusal(() => assertWindowAllowed(policy, program(year), next, clock))).toEqual(expected);
  });
});
