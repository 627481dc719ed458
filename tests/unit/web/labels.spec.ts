import { ROLES } from '@subsidy/tenancy';
import { REGISTRATION_STATUSES } from '../../../libs/organizations/src/registration/registration-store';
import { APPLICATION_STATUSES } from '../../../libs/workflow/src/core/application-status';
import { LABELS, labelOf } from '../../../apps/web/src/i18n/labels';
import { POLICY_VERSION_STATES } from '../../../libs/policy-versions/src/drafting/policy-version-rows';
import { LIST_KINDS } from '../../../libs/official-lists/src/kinds';
import { ROW_STATUSES } from '../../../libs/official-lists/src/queries/list-views';

/** Every internal value the API can send has words in Chinese and English; an unknown one never shows as itself. */
describe('web labels', () => {
  const cases: Array<[keyof typeof LABELS, readonly string[]]> = [
    ['applicationStatus', APPLICATION_STATUSES],
    ['programStatus', ['draft', 'scheduled', 'open', 'closed', 'decided', 'publicized', 'handed_over', 'cancelled']],
    ['paymentStatus', ['awaiting_payment', 'payment_failed', 'partly_paid', 'paid']],
    ['role', ROLES],
    ['registrationStatus', REGISTRATION_STATUSES],
    ['publicityStatus', ['open', 'closed']],
    ['objectionStatus', ['received', 'upheld', 'dismissed']],
    ['policyVersionState', POLICY_VERSION_STATES],
    ['officialListKind', LIST_KINDS],
    ['officialListStatus', ['importing', 'completed', 'failed']],
    ['officialListRowStatus', ROW_STATUSES],
    ['listMatchMethod', ['credit_code', 'exact_name', 'officer']],
  ];

  it.each(cases)('%s: every value has a Chinese and an English label', (kind, values) => {
    for (const value of values) {
      const zh = labelOf(kind, value, 'zh');
      const en = labelOf(kind, value, 'en');
      expect([value, zh]).toEqual([value, expect.stringMatching(/^[\u4e00-\u9fff（）、，]+$/)]);
      expect([value, en]).toEqual([value, expect.stringMatching(/^[A-Z][A-Za-z ,-]+$/)]);
    }
  });

  it('shows an unknown value as 其他, never as the internal name', () => {
    expect(labelOf('applicationStatus', 'some_new_status', 'zh')).toBe('其他');
    expect(labelOf('applicationStatus', 'some_new_status', 'en')).toBe('Other');
    expect(labelOf('role', null, 'zh')).toBe('—');
  });
});
