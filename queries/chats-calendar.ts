// The iCalendar feed (RFC 5545) of the chats a user follows: one recurring event per chat, in the
// zone the chat keeps (with its VTIMEZONE, so calendars move it correctly across clock changes),
// written by ical-generator; the recurrence is an RRULE (weekly, every other week, or the nth
// weekday of the month).
import { ICalCalendar, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Chat } from './chats.ts';

const DAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

export function chatCalendar(chats: Chat[], opts: { user: string; appUrl?: string }): string {
  const cal = new ICalCalendar({
    name: 'Carecircle: hashtag chats',
    prodId: { company: 'Carecircle', product: 'chats', language: 'EN' },
    ttl: 6 * 3600,
  });
  cal.timezone({
    name: null,
    generator: (tz) => {
      const block = tzlib_get_ical_block(tz);
      return Array.isArray(block) && block[0] ? block[0] : null;
    },
  });
  for (const c of chats) {
    // A chat that stopped meeting has nothing to put in a calendar.
    if (c.status !== 'active') continue;
    const start = DateTime.fromISO(c.lastSession, { zone: c.zone }).set({
      hour: c.hour,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    const day = DAYS[c.weekday - 1]!;
    const repeating =
      c.cadence === 'monthly'
        ? { freq: ICalEventRepeatingFreq.MONTHLY, byDay: [day], bySetPos: c.ordinal ?? 1 }
        : {
            freq: ICalEventRepeatingFreq.WEEKLY,
            byDay: [day],
            interval: c.cadence === 'fortnightly' ? 2 : 1,
          };
    const hosts = c.hosts.map((h) => `@${h.handle ?? h.id}`).join(', ');
    cal.createEvent({
      id: `chat-${c.tag}@carecircle`,
      start,
      end: start.plus({ minutes: c.durationMinutes }),
      timezone: c.zone,
      repeating,
      summary: `#${c.tag} chat`,
      description: [c.schedule, hosts && `Hosts: ${hosts}`, `Why we think so: ${c.evidence}`]
        .filter(Boolean)
        .join('\n'),
      ...(opts.appUrl
        ? { url: `${opts.appUrl.replace(/\/$/, '')}/?view=chats&tag=${encodeURIComponent(c.tag)}` }
        : {}),
    });
  }
  return cal.toString();
}
