import { describe, expect, it } from 'vitest';
import { calendarOf } from './calendar.ts';

const NOW = Date.UTC(2026, 10, 29, 16, 0, 0);

describe('the cycle’s calendar file (RFC 5545)', () => {
  const ics = calendarOf({
    groupName: 'Cercle des directions, Lyon; Rhône',
    cycleSessions: 6,
    sessions: [
      { sessionId: 'abc', scheduledFor: '2027-01-12', number: 2 },
      { sessionId: 'def', scheduledFor: '2027-02-28', number: 3 },
    ],
    lang: 'fr',
    publicUrl: 'https://cercle.example.org',
    now: NOW,
  });
  const unfolded = ics.replace(/\r\n /g, '');

  it('has one whole-day event per planned session, the day after as its end', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('UID:abc@cercle');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270112\r\nDTEND;VALUE=DATE:20270113');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301');
    expect(unfolded).toContain('DTSTAMP:20261129T160000Z');
  });

  it('escapes commas and semicolons and says n of N', () => {
    expect(unfolded).toContain(
      'SUMMARY:Codéveloppement — Cercle des directions\\, Lyon\\; Rhône — séance 2 sur 6',
    );
  });

  it('folds lines at 75 octets without splitting a character, lines ending in CRLF', () => {
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(unfolded).toContain('Ce qui se dit dans le groupe reste dans le groupe.');
  });
});
