import { describe, expect, it } from 'vitest';
import type { ZoomSdkLike } from './zoomClient.ts';
import {
  type Clock,
  createZoomConnection,
  ZOOM_CONFIG_LIFETIME_MS,
  ZOOM_CONFIG_REFRESH_MS,
} from './zoomConnection.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 3, 9, 0);

/** A clock whose time moves only when the test says, running the timers that fall due. */
function fakeClock(start: number) {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout(run, ms) {
      nextId += 1;
      timers.set(nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    pending: () => timers.size,
    /** Moves time on, firing due timers in order, as a live page would. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at);
        const first = due[0];
        if (!first) break;
        timers.delete(first[0]);
        now = first[1].at;
        first[1].run();
        // Lets the timer's promise chain (config, then its answer) settle before time moves on.
        for (let i = 0; i < 10; i += 1) await Promise.resolve();
      }
      now = until;
    },
    /** Moves time on without firing anything: a hidden panel whose timers were held back. */
    jump(ms: number) {
      now += ms;
    },
  };
}

/**
 * The client side as Zoom documents it: a `config` authorises calls for the URL it ran on, for
 * two hours (the advanced sample's figure); anything else is refused.
 */
function zoomClientOn(clock: Clock, pageUrl: () => string) {
  const configs: { at: number; url: string }[] = [];
  let failNextConfig = false;
  const answer = async <T>(value: T): Promise<T> => {
    const last = configs.at(-1);
    if (!last) throw new Error('must call zoomSdk.config before using other API methods');
    if (last.url !== pageUrl()) throw new Error('config was made for another URL');
    if (clock.now() - last.at >= ZOOM_CONFIG_LIFETIME_MS) throw new Error('config expired');
    return value;
  };
  const sdk: ZoomSdkLike = {
    async config() {
      if (failNextConfig) {
        failNextConfig = false;
        throw new Error('Zoom did not answer');
      }
      configs.push({ at: clock.now(), url: pageUrl() });
      return { runningContext: 'inMeeting' };
    },
    getRunningContext: () => answer({ context: 'inMeeting' }),
    getUserContext: () => answer({ screenName: 'Awa', role: 'host' }),
    getAppContext: () => answer({ context: 'encrypted' }),
    getMeetingContext: () => answer({ meetingTopic: 'Codev', meetingID: '81234567890' }),
    sendAppInvitationToAllParticipants: () => answer({ invitationUUID: 'i-1' }),
    openUrl: () => answer({ message: 'success' }),
    startCollaborate: () => answer({ message: 'success' }),
    joinCollaborate: () => answer({ message: 'success' }),
    leaveCollaborate: () => answer({ message: 'success' }),
    endCollaborate: () => answer({ message: 'success' }),
    sendMessageToChat: () => answer({ result: [] }),
    showNotification: () => answer({ message: 'success' }),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return {
    sdk,
    configs,
    failNextConfig: () => {
      failNextConfig = true;
    },
  };
}

describe('the Zoom connection keeps `config` valid', () => {
  it('re-runs config before the two hours run out, so a call made after them succeeds', async () => {
    const time = fakeClock(T0);
    const url = () => 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, url);
    const connection = createZoomConnection({
      sdk: zoom.sdk,
      capabilities: ['getUserContext'],
      clock: time.clock,
      pageUrl: url,
    });
    await connection.configure();

    await time.advance(ZOOM_CONFIG_REFRESH_MS - 1);
    expect(zoom.configs).toHaveLength(1);
    await time.advance(1);
    expect(zoom.configs.map((c) => c.at - T0)).toEqual([0, ZOOM_CONFIG_REFRESH_MS]);

    // Past the first config's lifetime, and through a whole meeting day.
    await time.advance(ZOOM_CONFIG_LIFETIME_MS - ZOOM_CONFIG_REFRESH_MS + MINUTE);
    await expect(connection.call((sdk) => sdk.getUserContext())).resolves.toEqual({
      screenName: 'Awa',
      role: 'host',
    });
    await time.advance(10 * 60 * MINUTE);
    await expect(connection.call((sdk) => sdk.getUserContext())).resolves.toBeTruthy();
    expect(
      zoom.configs.every(
        (c, i) => i === 0 || c.at - zoom.configs[i - 1]!.at < ZOOM_CONFIG_LIFETIME_MS,
      ),
    ).toBe(true);
    connection.close();
    expect(time.pending()).toBe(0);
  });

  it('configures again before a call when the timer was held back (a hidden panel)', async () => {
    const time = fakeClock(T0);
    const url = () => 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, url);
    const connection = createZoomConnection({
      sdk: zoom.sdk,
      capabilities: ['sendAppInvitationToAllParticipants'],
      clock: time.clock,
      pageUrl: url,
    });
    await connection.configure();
    time.jump(ZOOM_CONFIG_LIFETIME_MS + MINUTE);

    await expect(
      connection.call((sdk) => sdk.sendAppInvitationToAllParticipants()),
    ).resolves.toEqual({ invitationUUID: 'i-1' });
    expect(zoom.configs).toHaveLength(2);
  });

  it('configures again for a new page URL before calling: Zoom binds config to the URL', async () => {
    const time = fakeClock(T0);
    let address = 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, () => address);
    const connection = createZoomConnection({
      sdk: zoom.sdk,
      capabilities: ['openUrl'],
      clock: time.clock,
      pageUrl: () => address,
    });
    await connection.configure();
    address = 'https://cercle.example/zoom/home#moved';

    await expect(
      connection.call((sdk) => sdk.openUrl({ url: 'https://cercle.example/f/x' })),
    ).resolves.toEqual({ message: 'success' });
    expect(zoom.configs.map((c) => c.url)).toEqual([
      'https://cercle.example/zoom/home',
      'https://cercle.example/zoom/home#moved',
    ]);
  });

  it('says when a refresh nobody waited for failed, and tries again at the next call', async () => {
    const time = fakeClock(T0);
    const url = () => 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, url);
    const failures: unknown[] = [];
    const connection = createZoomConnection({
      sdk: zoom.sdk,
      capabilities: ['getUserContext'],
      clock: time.clock,
      pageUrl: url,
      onRefreshFailed: (error) => failures.push(error),
    });
    await connection.configure();
    zoom.failNextConfig();

    await time.advance(ZOOM_CONFIG_REFRESH_MS);
    expect(failures).toHaveLength(1);
    await expect(connection.call((sdk) => sdk.getUserContext())).resolves.toBeTruthy();
    expect(zoom.configs).toHaveLength(2);
  });

  it('shares one config between calls made while it runs', async () => {
    const time = fakeClock(T0);
    const url = () => 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, url);
    const connection = createZoomConnection({
      sdk: zoom.sdk,
      capabilities: ['getUserContext', 'getRunningContext'],
      clock: time.clock,
      pageUrl: url,
    });

    await Promise.all([
      connection.call((sdk) => sdk.getUserContext()),
      connection.call((sdk) => sdk.getRunningContext()),
    ]);
    expect(zoom.configs).toHaveLength(1);
  });

  it('a call made while config runs again (a new running context) waits for it', async () => {
    const time = fakeClock(T0);
    const url = () => 'https://cercle.example/zoom/home';
    const zoom = zoomClientOn(time.clock, url);
    // Zoom's SDK README: after `onRunningContextChange`, `config` again to update the permissions.
    let runningContext = 'inMeeting';
    let configuredFor = '';
    let answerConfig: (() => void) | null = null;
    const sdk: ZoomSdkLike = {
      ...zoom.sdk,
      config: () =>
        new Promise((resolve) => {
          answerConfig = () => {
            configuredFor = runningContext;
            resolve({ runningContext });
          };
        }),
      async getRunningContext() {
        if (configuredFor !== runningContext) throw new Error('configure for this context first');
        return { context: runningContext };
      },
    };
    const connection = createZoomConnection({
      sdk,
      capabilities: ['getRunningContext'],
      clock: time.clock,
      pageUrl: url,
    });
    const first = connection.configure();
    answerConfig!();
    await first;

    runningContext = 'inCollaborate';
    void connection.configure();
    const call = connection.call((api) => api.getRunningContext());
    answerConfig!();
    await expect(call).resolves.toEqual({ context: 'inCollaborate' });
  });
});
