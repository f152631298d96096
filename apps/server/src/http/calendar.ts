import type { Locale } from '@cercle/domain';

/** A planned session of the group, as a calendar event. */
export interface PlannedSession {
  readonly sessionId: string;
  /** YYYY-MM-DD, the day the facilitator planned. */
  readonly scheduledFor: string;
  /** 1-based place in the cycle. */
  readonly number: number;
}

export interface CalendarInput {
  readonly groupName: string;
  readonly cycleSessions: number | null;
  readonly sessions: readonly PlannedSession[];
  readonly lang: Locale;
  /** Where people open Cercle: said in the event, never with a seat in it. */
  readonly publicUrl: string;
  readonly now: number;
}

const WORDS = {
  fr: {
    title: (group: string, n: number, of: number | null) =>
      `Codéveloppement — ${group} — séance ${n}${of ? ` sur ${of}` : ''}`,
    description: (url: string) =>
      `Séance de codéveloppement professionnel. Ouvrez Cercle depuis la réunion, ou à l’adresse ${url}. Ce qui se dit dans le groupe reste dans le groupe.`,
  },
  en: {
    title: (group: string, n: number, of: number | null) =>
      `Co-development — ${group} — session ${n}${of ? ` of ${of}` : ''}`,
    description: (url: string) =>
      `Professional co-development session. Open Cercle from the meeting, or at ${url}. What is said in the group stays in the group.`,
  },
} as const;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in text values. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, continuation lines start with a space.
 * Folds fall between characters, never inside a UTF-8 sequence.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (isoDate: string) => isoDate.replaceAll('-', '');

function dayAfter(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function utcStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The group's planned sessions as an iCalendar file (RFC 5545) people add to their calendar:
 * whole-day events, since a session is planned for a day; its time is the meeting's.
 */
export function calendarOf(input: CalendarInput): string {
  const w = WORDS[input.lang];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cercle//Codev sessions//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const session of input.sessions) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${session.sessionId}@cercle`,
      `DTSTAMP:${utcStamp(input.now)}`,
      `DTSTART;VALUE=DATE:${basicDate(session.scheduledFor)}`,
      `DTEND;VALUE=DATE:${basicDate(dayAfter(session.scheduledFor))}`,
      `SUMMARY:${escapeText(w.title(input.groupName, session.number, input.cycleSessions))}`,
      `DESCRIPTION:${escapeText(w.description(input.publicUrl))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
