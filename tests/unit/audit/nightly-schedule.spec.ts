import { nextNightlyCheck, nightlyCheckDedupeKey } from '@subsidy/audit';
import { calendarDate } from '@subsidy/calendar';
import { ConfigError, loadConfig } from '@subsidy/config';

describe('nextNightlyCheck', () => {
  it("is tonight's 02:30 China Standard Time until it has passed", () => {
    expect(nextNightlyCheck(new Date('2026-11-23T00:00:00+08:00'), '02:30')).toEqual({ date: '2026-11-23', runAt: new Date('2026-11-22T18:30:00Z') });
    expect(nextNightlyCheck(new Date('2026-11-23T02:30:00+08:00'), '02:30')).toEqual({ date: '2026-11-23', runAt: new Date('2026-11-22T18:30:00Z') });
  });

  it("is tomorrow's once today's has passed, across month and year ends", () => {
    expect(nextNightlyCheck(new Date('2026-11-23T02:30:00.001+08:00'), '02:30')).toEqual({ date: '2026-11-24', runAt: new Date('2026-11-23T18:30:00Z') });
    expect(nextNightlyCheck(new Date('2026-12-31T23:59:00+08:00'), '02:30')).toEqual({ date: '2027-01-01', runAt: new Date('2026-12-31T18:30:00Z') });
  });

  it('reads the date in China, not in UTC or the machine zone', () => {
    // 2026-11-23T20:00Z is already 04:00 on the 24th in China: the next check is the 25th's.
    expect(nextNightlyCheck(new Date('2026-11-23T20:00:00Z'), '02:30').date).toBe('2026-11-25');
    expect(nextNightlyCheck(new Date('2026-11-23T20:00:00Z'), '23:15')).toEqual({ date: '2026-11-24', runAt: new Date('2026-11-24T15:15:00Z') });
  });

  it('names its dedupe key after the tenant and the night', () => {
    expect(nightlyCheckDedupeKey('weihai', calendarDate(2026, 11, 23))).toBe('audit.verify-chain:weihai:2026-11-23');
  });
});

describe('AUDIT_CHECK_TIME', () => {
  it('defaults to 02:30 and accepts another HH:MM', () => {
    expect(loadConfig({}).auditCheck).toEqual({ time: '02:30' });
    expect(loadConfig({ AUDIT_CHECK_TIME: '23:05' }).auditCheck).toEqual({ time: '23:05' });
  });

  it.each(['24:00', '2:30', '02:60', 'nightly'])('refuses %s naming the variable', (value) => {
    expect(() => loadConfig({ AUDIT_CHECK_TIME: value })).toThrow(ConfigError);
    expect(() => loadConfig({ AUDIT_CHECK_TIME: value })).toThrow(/^Invalid environment variable AUDIT_CHECK_TIME: HH:MM/);
  });
});
