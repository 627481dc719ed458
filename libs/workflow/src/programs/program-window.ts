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
    if (program.status === 'cancelled') throw new WindowClosedError({ zh: '该项目已取消，不再受理申报', en: 'The program was cancelled and takes no applications' });
    if (program.status === 'draft') throw new WindowClosedError({ zh: '该项目尚未发布，暂不受理申报', en: 'The program has not been announced yet and takes no applications' });
    if (now > program.closesAt.getTime() || !['scheduled', 'open'].includes(program.status)) {
      throw new WindowClosedError({ zh: `申报已于 ${cstMinute(program.closesAt)} 截止`, en: `Applications closed at ${cstMinute(program.closesAt)}` });
    }
    if (program.status === 'scheduled' && now >= program.opensAt.getTime()) {
      throw new WindowClosedError({
        zh: `申报于 ${cstMinute(program.opensAt)} 开始，系统正在开启受理，请稍后再试`,
        en: `Applications open at ${cstMinute(program.opensAt)} and the program is being opened; try again in a moment`,
      });
    }
    throw new WindowClosedError({ zh: `申报将于 ${cstMinute(program.opensAt)} 开始`, en: `Applications open at ${cstMinute(program.opensAt)}` });
  },
};
