import { CalendarDate, workingDaysBetween } from '@subsidy/calendar';
import { compareDue, dueFigures } from '../../../libs/workflow/src/workbench/due-figures';

const day = (d: string) => d as CalendarDate;

describe('workbench due figures', () => {
  // Monday 30 September 2024: the National Day holiday runs 1–7 October, Sunday 29 September and Saturday 12 October are worked.
  const today = day('2024-09-30');

  it('counts the working days left on the mainland calendar, the holiday skipped', () => {
    expect(dueFigures('2024-10-08', today)).toEqual({ overdue: false, workingDaysLeft: 1, overdueDays: null });
    expect(dueFigures('2024-10-08', today).workingDaysLeft).toBe(workingDaysBetween(today, day('2024-10-08')));
    expect(dueFigures('2024-09-30', today)).toEqual({ overdue: false, workingDaysLeft: 0, overdueDays: null });
  });

  it('counts calendar days past a due date, and nothing for an undated one', () => {
    expect(dueFigures('2024-09-27', today)).toEqual({ overdue: true, workingDaysLeft: null, overdueDays: 3 });
    expect(dueFigures(null, today)).toEqual({ overdue: false, workingDaysLeft: null, overdueDays: null });
  });

  it('leaves out the working days of a year whose holidays are not published, without failing', () => {
    expect(dueFigures('2099-03-02', today)).toEqual({ overdue: false, workingDaysLeft: null, overdueDays: null });
  });

  it('orders overdue first, then by due date, undated last', () => {
    const rows = [
      { name: 'undated', overdue: false, dueOn: null },
      { name: 'later', overdue: false, dueOn: '2024-10-20' },
      { name: 'overdue', overdue: true, dueOn: '2024-09-01' },
      { name: 'sooner', overdue: false, dueOn: '2024-10-08' },
    ];
    expect([...rows].sort(compareDue).map((r) => r.name)).toEqual(['overdue', 'sooner', 'later', 'undated']);
  });
});
