import { ArgumentMetadata } from '@nestjs/common';
import { parseInstant } from '@subsidy/calendar';
import { createValidationPipe, ErrorDetail, isEmailAddress, ValidationFailedError } from '@subsidy/common';
import fc from 'fast-check';
import { EvaluationListQueryDto, FundUseReceiptDto } from '../../../libs/finance/src/evaluation/evaluation.dto';
import { RecordClawbackDto } from '../../../libs/finance/src/http/finance.dto';
import { RecordAllocationApprovalDto } from '../../../libs/workflow/src/allocation-approval/http/record-allocation-approval.dto';
import { WindowDto } from '../../../libs/workflow/src/programs/dto/window.dto';
import { OpenPublicityDto } from '../../../libs/workflow/src/publicity/http/open-publicity.dto';
import { SubmitObjectionDto } from '../../../libs/workflow/src/publicity/http/submit-objection.dto';

async function pathsRefused(metatype: ArgumentMetadata['metatype'], body: unknown, type: ArgumentMetadata['type'] = 'body'): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type, metatype });
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.details.map((detail: ErrorDetail) => detail.path);
    throw error;
  }
}

/** Every date field a request can carry, with a body that is otherwise valid. */
const DATE_FIELDS: Array<{ name: string; metatype: ArgumentMetadata['metatype']; type?: ArgumentMetadata['type']; body: (date: string) => Record<string, unknown>; field: string }> = [
  { name: 'evaluation list ?dueBy', metatype: EvaluationListQueryDto, type: 'query', body: (date) => ({ dueBy: date }), field: 'dueBy' },
  { name: 'fund-use receipt receivedOn', metatype: FundUseReceiptDto, body: (date) => ({ receivedOn: date }), field: 'receivedOn' },
  {
    name: 'clawback foundOn',
    metatype: RecordClawbackDto,
    body: (date) => ({ applicationId: '6f1c2a4e-0000-4000-8000-000000000000', reasonKind: 'fraud', reason: '虚报', amountFen: 100, foundOn: date }),
    field: 'foundOn',
  },
  { name: 'publicity startsOn', metatype: OpenPublicityDto, body: (date) => ({ startsOn: date }), field: 'startsOn' },
  { name: 'allocation approval approvedOn', metatype: RecordAllocationApprovalDto, body: (date) => ({ documentNo: '佛府函〔2023〕112号', approvedOn: date, approvedTotalFen: 1 }), field: 'approvedOn' },
];

const IMPOSSIBLE_DATES = ['2023-02-30', '2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-01-00', '0000-01-01', '2023-2-3', '20230101', '2023-01-01T00:00:00Z', ' 2023-01-01'];
const REAL_DATES = ['2024-02-29', '2023-12-31', '2023-01-01'];

describe('every date field refuses dates that do not exist', () => {
  describe.each(DATE_FIELDS)('$name', ({ metatype, type, body, field }) => {
    it.each(IMPOSSIBLE_DATES)('refuses %j', async (date) => {
      expect(await pathsRefused(metatype, body(date), type)).toContain(field);
    });
    it.each(REAL_DATES)('accepts %j', async (date) => {
      expect(await pathsRefused(metatype, body(date), type)).toEqual([]);
    });
  });

  describe('program window instants', () => {
    const window = (opensAt: string, closesAt = '2025-03-31T17:00:00+08:00') => ({ kind: 'batch', opensAt, closesAt });
    it.each([
      '2025-02-30T09:00:00+08:00',
      '2025-13-01T09:00:00+08:00',
      '2025-03-01T24:00:00+08:00',
      '2025-03-01T23:60:00+08:00',
      '2025-03-01T09:00:60+08:00',
      '2025-03-01T09:00:00+15:00',
      '2025-03-01T09:00:00',
      '2025-03-01',
    ])('refuses %j', async (instant) => {
      expect(await pathsRefused(WindowDto, window(instant))).toContain('opensAt');
      expect(() => parseInstant(instant)).toThrow();
    });
    it.each(['2025-03-01T09:00:00+08:00', '2025-03-01T01:00Z', '2025-03-01T23:59:59.999-14:00'])('accepts %j', async (instant) => {
      expect(await pathsRefused(WindowDto, window(instant, '2025-04-30T17:00:00+08:00'))).toEqual([]);
    });
  });
});

describe('e-mail validation never throws', () => {
  it.each([
    ['zhang@example.cn', true],
    ['a@b', false],
    ['\ud83d', false],
    ['\ud83d@example.cn', false],
    ['zhang@\udfff.cn', false],
    [`${'x'.repeat(250)}@example.cn`, false],
    ['"@"'.repeat(100), false],
  ])('%j -> %s', (value, expected) => {
    expect(isEmailAddress(value)).toBe(expected);
  });

  it('answers true or false for any text, quickly, even hostile text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.emailAddress()), (value) => {
        expect(typeof isEmailAddress(value)).toBe('boolean');
      }),
      { seed: 11, numRuns: 2_000 },
    );
    expect(isEmailAddress(123)).toBe(false);
  });

  it('refuses a lone surrogate in an objection’s contact e-mail as a 400 detail, not an exception', async () => {
    const body = { applicationId: '6f1c2a4e-0000-4000-8000-000000000000', contactName: '张三', reasons: '金额有误', contactEmail: 'x\ud83d@example.cn' };
    expect(await pathsRefused(SubmitObjectionDto, body)).toEqual(['contactEmail']);
  });
});
