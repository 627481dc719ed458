import { ApplicationRecord } from '@subsidy/workflow';
import { rankApplications } from '../../../libs/workflow/src/decision/use-cases/decide-program';

const application = (id: string, decidedTotalFen: string, rank: number | null = null): ApplicationRecord => ({
  tenantId: 't',
  id,
  programId: 'p',
  organizationId: `o-${id}`,
  districtCode: '370102',
  reviewLevel: 'district',
  status: 'decided',
  stageDueOn: null,
  returnStage: null,
  reviewAssigneeId: null,
  estimateTotalFen: null,
  decidedTotalFen,
  submittedAt: null,
  submissionCount: 1,
  rank,
  version: 1,
});

describe('rankApplications', () => {
  it('ranks by decided total (largest first), ties by id, when the office set no rank', () => {
    const ranked = rankApplications([application('b', '100'), application('c', '900'), application('a', '100')]);
    expect(ranked.map((r) => [r.application.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it("puts the office's ranks first, then the rest by total", () => {
    const ranked = rankApplications([application('x', '900'), application('y', '1', 2), application('z', '5', 1)]);
    expect(ranked.map((r) => r.application.id)).toEqual(['z', 'y', 'x']);
  });

  it('compares totals beyond the safe integer range exactly', () => {
    const ranked = rankApplications([application('a', '9007199254740993'), application('b', '9007199254740992')]);
    expect(ranked.map((r) => r.application.id)).toEqual(['a', 'b']);
  });
});
