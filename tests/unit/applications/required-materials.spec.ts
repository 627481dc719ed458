import { futureAchievementDates } from '../../../libs/workflow/src/applications/achievement-dates';
import { materialsCheck } from '../../../libs/workflow/src/applications/required-materials';
import { programYearProblems } from '../../../libs/workflow/src/programs/program-year';

describe('materialsCheck', () => {
  const call = { materials: { standard: ['标准文本', '发布公告'], recognition: ['认定文件'] } };
  const file = (id: string, achievementId: string | null, material: string | null) => ({ id, achievementId, material });

  it('matches files by achievement and material; an untagged file serves every achievement; unlisted types need nothing', () => {
    const check = materialsCheck(
      call,
      [
        { id: 'a1', type: 'standard' },
        { id: 'r1', type: 'recognition' },
        { id: 'm1', type: 'international_meeting' },
      ],
      [file('f1', 'a1', ' 标准文本 '), file('f2', null, '发布公告'), file('f3', 'a1', null), file('f4', 'a2', '认定文件')],
    );
    expect(check.complete).toBe(false);
    expect(check.achievements).toEqual([
      {
        achievementId: 'a1',
        type: 'standard',
        path: 'achievements[0]',
        required: [
          { material: '标准文本', evidenceIds: ['f1'], present: true },
          { material: '发布公告', evidenceIds: ['f2'], present: true },
        ],
        missing: [],
      },
      { achievementId: 'r1', type: 'recognition', path: 'achievements[1]', required: [{ material: '认定文件', evidenceIds: [], present: false }], missing: ['认定文件'] },
      { achievementId: 'm1', type: 'international_meeting', path: 'achievements[2]', required: [], missing: [] },
    ]);
  });
});

describe('futureAchievementDates', () => {
  it('names each event date after the application date, and leaves implementation and revocation dates alone', () => {
    const problems = futureAchievementDates(
      [
        { id: 'a1', type: 'standard', publishedOn: '2024-03-15', implementedOn: '2024-10-01' },
        { id: 'r1', type: 'recognition', recognizedOn: '2024-03-16', revokedOn: '2025-01-01' },
        { id: 'h1', type: 'international_meeting', heldOn: 'not a date' },
      ],
      '2024-03-15',
    );
    expect(problems.map((p) => p.path)).toEqual(['achievements[1].recognizedOn']);
  });
});

describe('programYearProblems', () => {
  const window = (opensAt: string, closesAt: string) => ({ opensAt: new Date(opensAt), closesAt: new Date(closesAt) });

  it('takes the CST year of the opening or of the closing, nothing else', () => {
    expect(programYearProblems({ year: 2024, window: window('2024-03-01T09:00:00+08:00', '2024-03-31T17:00:00+08:00') })).toEqual([]);
    expect(programYearProblems({ year: 2023, window: window('2023-12-20T09:00:00+08:00', '2024-01-31T17:00:00+08:00') })).toEqual([]);
    expect(programYearProblems({ year: 2024, window: window('2023-12-20T09:00:00+08:00', '2024-01-31T17:00:00+08:00') })).toEqual([]);
    // 2024-01-01 00:30 CST is still 2023 in UTC: the year is 2024.
    expect(programYearProblems({ year: 2024, window: window('2024-01-01T00:30:00+08:00', '2024-02-01T17:00:00+08:00') })).toEqual([]);
    expect(programYearProblems({ year: 2023, window: window('2024-01-01T00:30:00+08:00', '2024-02-01T17:00:00+08:00') }).map((p) => p.path)).toEqual(['year']);
    expect(programYearProblems({ year: 2025, window: window('2024-03-01T09:00:00+08:00', '2024-03-31T17:00:00+08:00') })[0].message).toContain('(2024), not 2025');
  });
});
