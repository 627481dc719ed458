import { FixedClock } from '@subsidy/calendar';
import { ProgramStatus, ProgramWindow, WindowClosedError } from '@subsidy/workflow';

const opensAt = new Date('2024-03-01T09:00:00+08:00');
const closesAt = new Date('2024-03-31T17:00:00+08:00');
const program = (status: ProgramStatus) => ({ status, opensAt, closesAt });
const at = (iso: string) => new FixedClock(new Date(iso));

function refusal(status: ProgramStatus, iso: string): WindowClosedError {
  try {
    ProgramWindow.assertOpenFor(program(status), at(iso));
  } catch (error) {
    if (error instanceof WindowClosedError) return error;
    throw error;
  }
  throw new Error(`expected ${status} at ${iso} to be refused`);
}

describe('ProgramWindow.assertOpenFor', () => {
  it.each([
    ['the opening instant itself', '2024-03-01T09:00:00+08:00'],
    ['the middle of the window', '2024-03-15T12:00:00+08:00'],
    ['the closing instant itself', '2024-03-31T17:00:00+08:00'],
  ])('lets an open program take applications at %s', (_name, iso) => {
    expect(() => ProgramWindow.assertOpenFor(program('open'), at(iso))).not.toThrow();
    expect(ProgramWindow.isOpen(program('open'), at(iso))).toBe(true);
  });

  it('refuses one millisecond after closing, saying when it closed in CST', () => {
    const error = refusal('open', '2024-03-31T17:00:00.001+08:00');
    expect(error).toMatchObject({ code: 'window_closed', status: 409 });
    expect(error.message).toBe('Applications closed at 2024-03-31 17:00 CST');
  });

  it('refuses a closed program even if the clock is inside its window', () => {
    expect(refusal('closed', '2024-03-15T12:00:00+08:00').message).toBe('Applications closed at 2024-03-31 17:00 CST');
  });

  it('refuses a scheduled program before it opens, saying when it opens in CST', () => {
    expect(refusal('scheduled', '2024-03-01T08:59:59+08:00').message).toBe('Applications open at 2024-03-01 09:00 CST');
  });

  it('shows the opening time in CST whatever the offset it was stored with', () => {
    const utcMidnight = { status: 'scheduled' as const, opensAt: new Date('2024-03-01T00:00:00Z'), closesAt };
    expect(() => ProgramWindow.assertOpenFor(utcMidnight, at('2024-02-29T00:00:00Z'))).toThrow('Applications open at 2024-03-01 08:00 CST');
  });

  it('refuses a scheduled program whose opening job has not run yet, asking to try again', () => {
    expect(refusal('scheduled', '2024-03-01T09:00:01+08:00').message).toMatch(/^Applications open at 2024-03-01 09:00 CST and the program is being opened/);
  });

  it('refuses an open program when the clock is before opens_at', () => {
    expect(refusal('open', '2024-02-01T09:00:00+08:00').message).toBe('Applications open at 2024-03-01 09:00 CST');
  });

  it.each<[ProgramStatus, RegExp]>([
    ['draft', /not been announced/],
    ['cancelled', /cancelled/],
    ['decided', /closed at 2024-03-31 17:00 CST/],
    ['handed_over', /closed at 2024-03-31 17:00 CST/],
  ])('refuses a %s program', (status, message) => {
    expect(refusal(status, '2024-03-15T12:00:00+08:00').message).toMatch(message);
  });
});
