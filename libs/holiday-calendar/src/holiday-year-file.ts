import { parse } from 'yaml';
import { HolidayYearInput } from './holiday-years';

/**
 * Reads a year's notice from the operator's file (config/holidays/<year>.yaml, format in config/holidays/README.md):
 * the same fields as the endpoint's body plus `year`. Dates may be written bare (2099-01-01) or quoted. Shape errors
 * name the field; the calendar's own rules (each date once, in the year, names in Chinese) are checked when saving.
 */
export function parseHolidayYearFile(text: string): HolidayYearInput {
  const doc = parse(text) as unknown;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('the file must be a YAML mapping with year, noticeNumber, noticeUrl and days');
  const { year, noticeNumber, noticeUrl, days, ...rest } = doc as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new Error(`unknown field(s): ${unknown.join(', ')}`);
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2200) throw new Error('year: must be a year from 2000 to 2200');
  if (typeof noticeNumber !== 'string' || !noticeNumber.trim()) throw new Error('noticeNumber: the notice\'s document number (文号) is required');
  if (noticeUrl !== undefined && noticeUrl !== null && (typeof noticeUrl !== 'string' || !/^https?:\/\/\S+$/.test(noticeUrl))) throw new Error('noticeUrl: must be an http(s) address');
  if (!Array.isArray(days) || days.length === 0) throw new Error('days: a list of { date, kind, name } is required');
  return {
    year,
    noticeNumber: noticeNumber.trim(),
    noticeUrl: (noticeUrl as string | null | undefined) ?? null,
    days: days.map((day: unknown, i) => {
      if (!day || typeof day !== 'object') throw new Error(`days[${i}]: must be { date, kind, name }`);
      const { date, kind, name, ...more } = day as Record<string, unknown>;
      if (Object.keys(more).length) throw new Error(`days[${i}]: unknown field(s): ${Object.keys(more).join(', ')}`);
      const text = date instanceof Date ? date.toISOString().slice(0, 10) : date;
      if (typeof text !== 'string') throw new Error(`days[${i}].date: must be a date YYYY-MM-DD`);
      if (kind !== 'holiday' && kind !== 'workday') throw new Error(`days[${i}].kind: must be holiday or workday`);
      if (typeof name !== 'string') throw new Error(`days[${i}].name: the holiday's name in Chinese is required`);
      return { date: text, kind, name };
    }),
  };
}
