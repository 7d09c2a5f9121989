// First-response targets. A target counts either every hour of the calendar (clinical safety) or only
// the organisation's business hours, in its own time zone (luxon handles the zone and daylight saving).
// Time is always passed in, never read here, so tests run on an injected clock.
import { DateTime } from 'luxon';
import type { BusinessHours, Category, Sla } from './contract.ts';

/** The moment a first response is due for a mention received at `from`. */
export function dueAt(from: Date, category: Category, sla: Sla): Date {
  const target = sla.targets[category];
  if (!target.businessHoursOnly) return new Date(from.getTime() + target.hours * 3_600_000);
  return addBusinessMinutes(from, Math.round(target.hours * 60), sla.businessHours);
}

function isWorkingDay(t: DateTime, bh: BusinessHours): boolean {
  return bh.days.includes(t.weekday);
}

/** Walks forward day by day, spending the minutes only inside working hours. Bounded: at most a year. */
function addBusinessMinutes(from: Date, minutes: number, bh: BusinessHours): Date {
  let t = DateTime.fromJSDate(from, { zone: bh.zone });
  if (!t.isValid) throw new Error(`unknown time zone ${bh.zone}`);
  let left = minutes;
  for (let guard = 0; guard < 400; guard++) {
    const open = t.startOf('day').set({ hour: bh.start });
    const close = bh.end === 24 ? t.startOf('day').plus({ days: 1 }) : t.startOf('day').set({ hour: bh.end });
    if (isWorkingDay(t, bh) && t < close) {
      const begin = t < open ? open : t;
      const available = close.diff(begin, 'minutes').minutes;
      if (left <= available) return begin.plus({ minutes: left }).toJSDate();
      left -= available;
    }
    t = t.startOf('day').plus({ days: 1 });
  }
  throw new Error('business hours never open: check the days and hours');
}
