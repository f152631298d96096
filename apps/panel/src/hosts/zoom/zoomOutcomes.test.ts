import { describe, expect, it } from 'vitest';
import { enPages } from '../../i18n/enPages.ts';
import { frPages } from '../../i18n/frPages.ts';
import { chatFailure, collaborateFailure } from './zoomOutcomes.ts';

const zoomError = (code: number) => Object.assign(new Error('refused'), { code });
const member = { screenName: 'Bo', role: 'attendee', isGuest: false };
const guest = { screenName: 'Gaëlle', role: 'attendee', isGuest: true };

describe('what a refused Collaborate call tells the person', () => {
  it.each([
    [10090, 'Zoom does not allow Collaborate in a breakout room or a webinar.'],
    [10089, 'Collaborate is not enabled for Cercle on the Zoom Marketplace'],
    [10084, 'Collaborate is already on in this meeting'],
    [10086, 'Collaborate is already on in this meeting'],
    [10085, 'Collaborate has already ended.'],
    [10087, 'Collaborate has already ended.'],
    [12345, 'Zoom did not answer for Collaborate.'],
  ])('code %s', (code, text) => {
    expect(collaborateFailure(zoomError(code), member, enPages.zoom)).toContain(text);
  });

  it('a guest hears that guests cannot, whatever Zoom’s code', () => {
    expect(collaborateFailure(zoomError(10085), guest, frPages.zoom)).toContain(
      'En invité (sans Cercle ajouté à votre compte Zoom), Zoom ne permet pas Collaborer',
    );
    expect(collaborateFailure(new Error('timeout'), guest, enPages.zoom)).toContain('As a guest');
  });
});

describe('what a refused chat post tells the person', () => {
  it('in Collaborate, to leave it first; elsewhere, that the chat may be closed', () => {
    expect(chatFailure('inCollaborate', enPages.zoom)).toContain('leave or end Collaborate first');
    expect(chatFailure('inMeeting', frPages.zoom)).toContain(
      'la discussion de la réunion est peut-être fermée',
    );
  });
});
