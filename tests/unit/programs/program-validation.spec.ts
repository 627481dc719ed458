import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, ErrorDetail, ValidationFailedError } from '@subsidy/common';
import { ProgramDto } from '../../../libs/workflow/src/programs/dto/program.dto';
import { toProgramInput } from '../../../libs/workflow/src/programs/dto/to-program-input';
import { validProgramBody } from './program-body';

type Body = ReturnType<typeof validProgramBody>;

const metadata: ArgumentMetadata = { type: 'body', metatype: ProgramDto };

/** Runs the body through the same pipe the API uses; returns the error details (empty when valid), English only. */
async function problems(body: unknown): Promise<ErrorDetail[]> {
  try {
    await createValidationPipe().transform(body, metadata);
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.details.map(({ path, message }) => ({ path, message }));
    throw error;
  }
}

function changed(edit: (body: Body) => void): Body {
  const body = validProgramBody();
  edit(body);
  return body;
}

describe('program body validation', () => {
  it('accepts a complete, consistent body and turns it into typed input with bigint fen and parsed instants', async () => {
    expect(await problems(validProgramBody())).toEqual([]);
    const dto = (await createValidationPipe().transform(validProgramBody(), metadata)) as ProgramDto;
    const input = toProgramInput(dto);
    expect(input.budget.totalFen).toBe(500_000_000n);
    expect(input.budget.sources.map((s) => s.amountFen)).toEqual([300_000_000n, 200_000_000n]);
    expect(input.window.opensAt.toISOString()).toBe('2024-03-01T01:00:00.000Z');
    expect(input.review.panel?.rubric.criteria.map((c) => c.key)).toEqual(['innovation', 'impact']);
  });

  it('accepts review settings without expert review and without a panel, and no formal-check deadline', async () => {
    const body = changed((b) => {
      (b.review.stages as Record<string, boolean>).expert_review = false;
      (b.review as Record<string, unknown>).panel = null;
      b.review.formalCheckWorkingDays = null;
    });
    expect(await problems(body)).toEqual([]);
  });

  describe('review settings', () => {
    const cases: Array<[string, string, (b: Body) => void]> = [
      ['panel missing while expert review is on', 'review.panel', (b) => ((b.review as Record<string, unknown>).panel = null)],
      ['panel given while expert review is off', 'review.panel', (b) => ((b.review.stages as Record<string, boolean>).expert_review = false)],
      ['panel size 0', 'review.panel.size', (b) => ((b.review.panel.size = 0), (b.review.panel.quorum = 0))],
      ['quorum above the panel size', 'review.panel.quorum', (b) => (b.review.panel.quorum = 4)],
      ['quorum 0', 'review.panel.quorum', (b) => (b.review.panel.quorum = 0)],
      ['scoringDays not a whole number', 'review.panel.scoringDays', (b) => (b.review.panel.scoringDays = 2.5)],
      ['reminderHoursBefore missing', 'review.panel.reminderHoursBefore', (b) => delete b.review.panel.reminderHoursBefore],
      ['unknown combine method', 'review.panel.combine', (b) => (b.review.panel.combine = 'average')],
      ['rubric without criteria', 'review.panel.rubric.criteria', (b) => (b.review.panel.rubric.criteria = [])],
      ['two criteria with the same key', 'review.panel.rubric.criteria', (b) => (b.review.panel.rubric.criteria[1].key = 'innovation')],
      ['a criterion worth 0 points', 'review.panel.rubric.criteria[0].maxPoints', (b) => (b.review.panel.rubric.criteria[0].maxPoints = 0)],
      ['a criterion worth negative points', 'review.panel.rubric.criteria[1].maxPoints', (b) => (b.review.panel.rubric.criteria[1].maxPoints = -100)],
      ['a criterion key with capitals', 'review.panel.rubric.criteria[0].key', (b) => (b.review.panel.rubric.criteria[0].key = 'Innovation')],
      ['correctionWorkingDays 0', 'review.correctionWorkingDays', (b) => (b.review.correctionWorkingDays = 0)],
      ['correctionWorkingDays 61', 'review.correctionWorkingDays', (b) => (b.review.correctionWorkingDays = 61)],
      ['formalCheckWorkingDays 0', 'review.formalCheckWorkingDays', (b) => (b.review.formalCheckWorkingDays = 0)],
      ['formalCheckWorkingDays missing (null means none; absent is an error)', 'review.formalCheckWorkingDays', (b) => delete b.review.formalCheckWorkingDays],
      ['publicity of 0 days', 'review.publicity.days', (b) => ((b.review.publicity as Record<string, unknown>).days = 0)],
      ['publicity of 61 days', 'review.publicity.days', (b) => ((b.review.publicity as Record<string, unknown>).days = 61)],
      ['publicity counted in weeks', 'review.publicity.unit', (b) => ((b.review.publicity as Record<string, unknown>).unit = 'weeks')],
      ['a stage that is not a boolean', 'review.stages.formal_check', (b) => ((b.review.stages as Record<string, unknown>).formal_check = 'yes')],
      ['an unknown stage', 'review.stages.city_review', (b) => ((b.review.stages as Record<string, unknown>).city_review = true)],
      ['a city-reviewed kind that is no organization kind', 'review.cityReviewedKinds', (b) => (b.review.cityReviewedKinds = ['ministry'])],
      ['a city-reviewed kind listed twice', 'review.cityReviewedKinds', (b) => (b.review.cityReviewedKinds = ['institution', 'institution'])],
      ['review missing', 'review', (b) => delete (b as Record<string, unknown>).review],
    ];
    it.each(cases)('rejects %s, naming %s', async (_name, path, edit) => {
      const details = await problems(changed(edit));
      expect(details.map((d) => d.path)).toContain(path);
      expect(details.every((d) => d.path.startsWith('review'))).toBe(true);
    });
  });

  describe('budget', () => {
    const cases: Array<[string, string, (b: Body) => void]> = [
      ['sources adding up to less than the total', 'budget.sources', (b) => (b.budget.sources[1].amountFen = 199_999_999)],
      ['sources adding up to more than the total', 'budget.sources', (b) => (b.budget.totalFen = 499_999_999)],
      ['no sources', 'budget.sources', (b) => (b.budget.sources = [])],
      ['the same source twice', 'budget.sources', (b) => (b.budget.sources[1].source = 'city')],
      ['a source that is neither city, matching nor a district', 'budget.sources[0].source', (b) => (b.budget.sources[0].source = 'province')],
      ['a district source without a 6-digit code', 'budget.sources[1].source', (b) => (b.budget.sources[1].source = 'district:1201')],
      ['an amount in yuan with decimals', 'budget.sources[0].amountFen', (b) => (b.budget.sources[0].amountFen = 3_000_000.5)],
      ['an amount given as a string', 'budget.sources[0].amountFen', (b) => (b.budget.sources[0].amountFen = '300000000')],
      ['a total that is not a whole number of fen', 'budget.totalFen', (b) => (b.budget.totalFen = 0.5)],
      ['a total beyond exact JSON integers', 'budget.totalFen', (b) => (b.budget.totalFen = 2 ** 60)],
      ['an unknown budget rule', 'budget.rule', (b) => (b.budget.rule = 'first_come')],
    ];
    it.each(cases)('rejects %s, naming %s', async (_name, path, edit) => {
      const details = await problems(changed(edit));
      expect(details.map((d) => d.path)).toContain(path);
      expect(details.every((d) => d.path.startsWith('budget'))).toBe(true);
    });

    it('says by how much the sources miss the total', async () => {
      const details = await problems(changed((b) => (b.budget.sources[1].amountFen = 199_999_999)));
      expect(details).toEqual([{ path: 'budget.sources', message: 'sources add up to 499999999 fen but totalFen is 500000000 fen; they must be equal' }]);
    });

    it('accepts a matching source and a single city source', async () => {
      expect(await problems(changed((b) => (b.budget.sources = [{ source: 'matching', amountFen: 500_000_000 }])))).toEqual([]);
      expect(await problems(changed((b) => (b.budget.sources = [{ source: 'city', amountFen: 500_000_000 }])))).toEqual([]);
    });
  });

  describe('window, call and top-level fields', () => {
    const cases: Array<[string, string, (b: Body) => void]> = [
      ['closesAt equal to opensAt', 'window.closesAt', (b) => (b.window.closesAt = '2024-03-01T01:00:00Z')],
      ['closesAt before opensAt', 'window.closesAt', (b) => (b.window.closesAt = '2024-02-28T09:00:00+08:00')],
      ['an instant without offset', 'window.opensAt', (b) => (b.window.opensAt = '2024-03-01T09:00:00')],
      ['a date instead of an instant', 'window.closesAt', (b) => (b.window.closesAt = '2024-03-31')],
      ['an unknown window kind', 'window.kind', (b) => (b.window.kind = 'continuous')],
      ['materials for an unknown achievement type', 'call.materials', (b) => (b.call.materials = { patent: ['证书'] })],
      ['an empty materials list', 'call.materials', (b) => (b.call.materials = { standard: [] })],
      ['an empty call title', 'call.title', (b) => (b.call.title = '')],
      ['a year out of range', 'year', (b) => (b.year = 1999)],
      ['a policy id with a path in it', 'policyId', (b) => (b.policyId = '../beijing/beijing-2020')],
      ['an unknown top-level field', 'status', (b) => ((b as Record<string, unknown>).status = 'open')],
    ];
    it.each(cases)('rejects %s, naming %s', async (_name, path, edit) => {
      const details = await problems(changed(edit));
      expect(details.map((d) => d.path)).toEqual([path]);
    });

    it('names the achievement type whose materials are wrong', async () => {
      const unknown = await problems(changed((b) => (b.call.materials = { standard: ['标准文本'], patent: ['证书'] })));
      expect(unknown).toEqual([{ path: 'call.materials', message: expect.stringMatching(/^materials\.patent: not an achievement type/) }]);
      const empty = await problems(changed((b) => (b.call.materials = { leader: [''] })));
      expect(empty).toEqual([{ path: 'call.materials', message: expect.stringMatching(/^materials\.leader must list 1\.\.30 material names/) }]);
    });

    it('accepts a rolling window spanning the program year', async () => {
      const body = changed((b) => {
        b.window = { kind: 'rolling', opensAt: '2024-01-01T00:00:00+08:00', closesAt: '2024-12-31T23:59:59.999+08:00' };
      });
      expect(await problems(body)).toEqual([]);
    });
  });
});
