import { createSession, REMOTE_TWO_HOURS, viewFor } from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_LIMITS, PROTOCOL_VERSION } from './limits.ts';
import { parseClientMessage, parseServerMessage, utf8ByteLength } from './parse.ts';

const token = 'a'.repeat(43);
const hello = { type: 'hello', protocol: PROTOCOL_VERSION, sessionId: 's1', token, lastSeq: null };
const command = (body: unknown, commandId: unknown = 'c1') =>
  JSON.stringify({ type: 'command', commandId, command: body });

function failure(frame: string) {
  const result = parseClientMessage(frame);
  if (result.ok) throw new Error(`accepted: ${frame.slice(0, 80)}`);
  return result;
}

describe('parseClientMessage', () => {
  it('accepts valid frames of each kind', () => {
    expect(parseClientMessage(JSON.stringify(hello))).toEqual({ ok: true, value: hello });
    expect(parseClientMessage(command({ type: 'goToStage', fromIndex: 0, toIndex: 1 })).ok).toBe(
      true,
    );
    expect(
      parseClientMessage(JSON.stringify({ type: 'ping', pingId: 3, clientSentAt: 12.5 })).ok,
    ).toBe(true);
  });

  it.each([
    ['not JSON', '{"type":', 'invalidJson'],
    ['empty', '', 'invalidJson'],
    ['a bare number', '42', 'invalidFrame'],
    ['null', 'null', 'invalidFrame'],
    ['an array', '[1,2]', 'invalidFrame'],
    ['an unknown type', JSON.stringify({ type: 'sudo' }), 'invalidFrame'],
    ['a hello without token', JSON.stringify({ ...hello, token: undefined }), 'invalidFrame'],
    ['a hello with a short token', JSON.stringify({ ...hello, token: 'abc' }), 'invalidFrame'],
    ['a string protocol', JSON.stringify({ ...hello, protocol: '1' }), 'invalidFrame'],
    ['a negative lastSeq', JSON.stringify({ ...hello, lastSeq: -1 }), 'invalidFrame'],
    [
      'a session id with slashes',
      JSON.stringify({ ...hello, sessionId: '../etc' }),
      'invalidFrame',
    ],
    ['deeply nested junk', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'invalidFrame'],
  ])('refuses %s with a typed error', (_label, frame, code) => {
    const result = failure(frame);
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown command', { type: 'launchMissiles' }],
    ['a fractional index', { type: 'goToStage', fromIndex: 0.5, toIndex: 1 }],
    ['a string index', { type: 'goToStage', fromIndex: '0', toIndex: 1 }],
    ['a huge adjustment', { type: 'adjustTimer', deltaMs: 1e12 }],
    ['an empty name', { type: 'rename', displayName: '   ' }],
    ['a name too long', { type: 'rename', displayName: 'x'.repeat(61) }],
    // [R47] a line break is cleaned to a space; a name of invisible characters is nothing.
    ['a name of invisible characters', { type: 'rename', displayName: '\u200B\u202E\u2066' }],
    ['a control character in a note', { type: 'writeNote', text: 'bip\u0007' }],
    ['a note too long', { type: 'writeNote', text: 'x'.repeat(PROTOCOL_LIMITS.noteMaxChars + 1) }],
    [
      'the facilitator role by assignment',
      { type: 'assignRole', personId: 'p1', role: 'facilitator' },
    ],
    ['a wrong-typed presence', { type: 'setPresence', presence: true }],
  ])('refuses %s and names the command it came with', (_label, body) => {
    const result = failure(command(body, 'cmd-7'));
    expect(result.code).toBe('invalidFrame');
    expect(result.commandId).toBe('cmd-7');
  });

  it('does not echo an unreadable command id', () => {
    expect(failure(command({ type: 'nope' }, '<script>')).commandId).toBeNull();
    expect(failure(command({ type: 'nope' }, 5)).commandId).toBeNull();
  });

  it('drops unknown fields instead of passing them on', () => {
    const result = parseClientMessage(JSON.stringify({ ...hello, admin: true }));
    expect(result).toEqual({ ok: true, value: hello });
  });

  it('refuses a frame over the size limit, counting UTF-8 bytes', () => {
    const limit = PROTOCOL_LIMITS.clientFrameMaxBytes;
    const ascii = command({ type: 'writeNote', text: 'x'.repeat(limit) });
    expect(failure(ascii).code).toBe('frameTooLarge');
    // Fewer characters than the limit, more bytes: still too large.
    const accents = command({ type: 'writeNote', text: 'é'.repeat(Math.ceil(limit / 2)) });
    expect(accents.length).toBeLessThan(limit);
    expect(failure(accents).code).toBe('frameTooLarge');
    // A full note of three-byte characters fits.
    const full = command({ type: 'writeNote', text: '€'.repeat(PROTOCOL_LIMITS.noteMaxChars) });
    expect(parseClientMessage(full).ok).toBe(true);
  });

  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a😀é€\n', 11],
  ])('counts %j as %i UTF-8 bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });
});

describe('parseServerMessage', () => {
  it('accepts a welcome carrying a real view', () => {
    const state = createSession({
      id: 's1',
      groupName: 'Cercle',
      template: REMOTE_TWO_HOURS,
      facilitator: { id: 'fac', displayName: 'Awa' },
      now: 1_800_000_000_000,
    });
    const welcome = {
      type: 'welcome',
      mode: 'snapshot',
      protocol: PROTOCOL_VERSION,
      personId: 'fac',
      serverNow: 1_800_000_000_000,
      seq: 0,
      view: viewFor(state, 'fac'),
    };
    expect(parseServerMessage(JSON.stringify(welcome))).toEqual({ ok: true, value: welcome });
  });

  it('refuses an event with an unknown shape', () => {
    const frame = JSON.stringify({
      type: 'event',
      seq: 1,
      event: { type: 'boom' },
      commandId: null,
      serverNow: 1,
    });
    expect(parseServerMessage(frame).ok).toBe(false);
  });
});
