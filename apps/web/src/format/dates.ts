import type { Locale } from '../i18n/locale';

/**
 * Business dates are China Standard Time calendar dates ("2026-09-30"); instants are shown in CST whatever the
 * browser's own time zone is, because a deadline is the office's date, not the viewer's.
 */
const CST = 'Asia/Shanghai';

export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return '—';
  const [, y, m, d] = match;
  return locale === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
}

export function formatInstant(instant: string | null | undefined, locale: Locale): string {
  if (!instant) return '—';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: CST, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  const date = formatDate(`${parts.year}-${parts.month}-${parts.day}`, locale);
  return `${date} ${parts.hour}:${parts.minute}`;
}

/** Today's calendar date in China Standard Time, as "YYYY-MM-DD". */
export function todayInCst(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CST, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
