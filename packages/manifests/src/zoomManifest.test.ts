import { describe, expect, it } from 'vitest';
import { buildZoomManifest } from './buildManifests.ts';
import { HOST_ROUTES } from './hostRoutes.ts';
import { makeDeployment } from './testing.ts';
import { usesCollaborateMode, ZOOM_APP_APIS } from './zoomApis.ts';

describe('Zoom app manifest', () => {
  const manifest = buildZoomManifest(makeDeployment());

  it('has every section and field Zoom requires', () => {
    expect(manifest).toMatchObject({
      display_information: { display_name: expect.any(String) },
      oauth_information: {
        usage: 'USER_OPERATION',
        development_redirect_uri: expect.any(String),
        production_redirect_uri: expect.any(String),
        oauth_allow_list: expect.any(Array),
        scopes: [{ scope: 'zoomapp:inmeeting', optional: false }],
      },
      features: {
        products: ['ZOOM_MEETING'],
        development_home_uri: expect.any(String),
        production_home_uri: expect.any(String),
        domain_allow_list: expect.any(Array),
        in_client_feature: {
          zoom_app_api: { enable: true, zoom_app_apis: expect.any(Array) },
          guest_mode: { enable: true },
          in_client_oauth: { enable: false },
          collaborate_mode: { enable: true },
        },
        zoom_client_support: expect.any(Object),
        embed: expect.any(Object),
      },
    });
    for (const entry of manifest.features.domain_allow_list) {
      expect(Object.keys(entry).sort()).toEqual(['domain', 'explanation']);
    }
  });

  it('opens the Home URL of this deployment in development and production', () => {
    const home = `https://cercle.example.org${HOST_ROUTES.zoomHome}`;

    expect(manifest.features.development_home_uri).toBe(home);
    expect(manifest.features.production_home_uri).toBe(home);
  });

  it('allows the deployment host, without scheme, in the domain allow list', () => {
    const domains = manifest.features.domain_allow_list.map((entry) => entry.domain);

    expect(domains).toContain('cercle.example.org');
    for (const domain of domains) expect(domain).not.toMatch(/[:/]/);
  });

  it('redirects OAuth to this deployment, and allows that redirect', () => {
    const redirect = `https://cercle.example.org${HOST_ROUTES.zoomInstall}`;

    expect(manifest.oauth_information.development_redirect_uri).toBe(redirect);
    expect(manifest.oauth_information.production_redirect_uri).toBe(redirect);
    expect(manifest.oauth_information.oauth_allow_list).toContain(redirect);
  });

  it('enables exactly the SDK APIs the panel uses', () => {
    expect(manifest.features.in_client_feature.zoom_app_api.zoom_app_apis).toEqual([
      ...ZOOM_APP_APIS,
    ]);
    // Written out: what the Marketplace must tick, Collaborate's five included.
    expect([...manifest.features.in_client_feature.zoom_app_api.zoom_app_apis].sort()).toEqual([
      'endCollaborate',
      'getAppContext',
      'getMeetingContext',
      'getRunningContext',
      'getUserContext',
      'joinCollaborate',
      'leaveCollaborate',
      'onActiveSpeakerChange',
      'onAppVisibilityChange',
      'onBreakoutRoomChange',
      'onCollaborateChange',
      'onMyUserContextChange',
      'onRunningContextChange',
      'openUrl',
      'sendAppInvitationToAllParticipants',
      'sendMessageToChat',
      'showNotification',
      'startCollaborate',
    ]);
  });

  it('turns Collaborate mode on, offered to participants, without sharing the facilitator’s screen', () => {
    expect(manifest.features.in_client_feature.collaborate_mode).toEqual({
      enable: true,
      // Whoever cannot join would see the facilitator's panel, which holds text meant for them only.
      enable_screen_sharing: false,
      enable_play_together: false,
      enable_start_immediately: false,
      // Zoom offers each participant to join; nobody is moved without being asked.
      enable_join_immediately: false,
    });
  });

  it('turns Collaborate mode on only with its APIs in the list', () => {
    expect(usesCollaborateMode(['getUserContext', 'openUrl'])).toBe(false);
    expect(usesCollaborateMode(['getUserContext', 'startCollaborate'])).toBe(true);
  });

  it('keeps a base path and leaves no placeholder behind', () => {
    const nested = buildZoomManifest(
      makeDeployment({ baseUrl: 'https://example.org/cercle', host: 'example.org' }),
    );

    expect(nested.features.production_home_uri).toBe('https://example.org/cercle/zoom/home');
    expect(nested.features.domain_allow_list[0]?.domain).toBe('example.org');
    expect(JSON.stringify(nested)).not.toContain('{{');
  });
});
