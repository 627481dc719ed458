import { Clock } from '@subsidy/calendar';
import { ProgramRecord, WindowClosedError } from '../core';
import { cstMinute } from './cst-text';

export type WindowFacts = Pick<ProgramRecord, 'status' | 'opensAt' | 'closesAt'>;

/** Whether a program takes applications now: it must be open AND the clock inside [opens_at, closes_at]. */
export const ProgramWindow = {
  isOpen(program: WindowFacts, clock: Clock): boolean {
    const now = clock.now().getTime();
    return program.status === 'open' && program.opensAt.getTime() <= now && now <= program.closesAt.getTime();
  },

  /** Throws WindowClosedError (409 window_closed) saying when the window opens or closed, in China Standard Time. */
  assertOpenFor(program: WindowFacts, clock: Clock): void {
    if (ProgramWindow.isOpen(program, clock)) return;
    const now = clock.now().getTime();
    if (program.status === 'cancelled') throw new WindowClosedError('The program was cancelled and takes no applications');
    if (program.status === 'draft') throw new WindowClosedError('The program has not been announced yet and takes no applications');
    if (now > program.closesAt.getTime() || !['scheduled', 'open'].includes(program.status)) {
      throw new WindowClosedError(`Applications closed at ${cstMinute(program.closesAt)}`);
    }
    if (program.status === 'scheduled' && now >= program.opensAt.getTime()) {
      throw new WindowClosedError(`Applications open at ${cstMinute(program.opensAt)} and the program is being opened; try again in a moment`);
    }
    throw new WindowClosedError(`Applications open at ${cstMinute(program.opensAt)}`);
  },
};
