import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTeamsManifest, buildTeamsPackage, MANIFESTS_DIR } from './buildManifests.ts';
import { HOST_ROUTES } from './hostRoutes.ts';
import { makeDeployment } from './testing.ts';

const SCHEMAS_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
);

/** The bundled copy of a schema URL, so validation never reaches the network. */
function bundledSchema(schemaUrl: string) {
  const path = new URL(schemaUrl).pathname.replace(/^\/[a-z]{2}-[a-z]{2}\//, '/');
  const relative = path.replace(/^\/json-schemas\//, '');
  const text = readFileSync(join(SCHEMAS_DIR, relative), 'utf8');
  // The localization schema has patterns like `\b]` that Ajv's unicode regular expressions
  // refuse; escaping that bracket keeps their meaning.
  return JSON.parse(text.replaceAll('\\\\b]', '\\\\b\\\\]'));
}

async function schemaErrors(document: { $schema: string }): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(
    document as unknown as AppManifest,
    bundledSchema(document.$schema),
  );
}

function manifestVersionNumber(version: string): number {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major * 1000 + minor;
}

describe('Teams app manifest', () => {
  const deployment = makeDeployment();
  const manifest = buildTeamsManifest(deployment);

  it('validates against the official schema of its manifest version', async () => {
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it('uses the newest schema version bundled, at least 1.17', () => {
    const bundled = readdirSync(join(SCHEMAS_DIR, 'teams'))
      .filter((name) => /^v\d+\.\d+$/.test(name))
      .sort((a, b) => manifestVersionNumber(a) - manifestVersionNumber(b));

    expect(`v${manifest.manifestVersion}`).toBe(bundled.at(-1));
    expect(manifestVersionNumber(manifest.manifestVersion)).toBeGreaterThanOrEqual(1017);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('is rejected by the validator when a scope is misspelt', async () => {
    const [tab] = manifest.configurableTabs;
    const broken = { ...manifest, configurableTabs: [{ ...tab, scopes: ['team', 'groupchat'] }] };

    expect(await schemaErrors(broken)).not.toEqual([]);
  });

  it('has one configurable tab in every meeting surface, in teams and group chats', () => {
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `https://cercle.example.org${HOST_ROUTES.teamsConfig}`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['meetingSidePanel', 'meetingStage', 'meetingChatTab', 'meetingDetailsTab'],
      },
    ]);
  });

  it('names this deployment: id, domains, developer pages', () => {
    expect(manifest.id).toBe(deployment.teamsAppId);
    expect(manifest.validDomains).toEqual(['cercle.example.org']);
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://cercle.example.org/',
      privacyUrl: `https://cercle.example.org${HOST_ROUTES.privacy}`,
      termsOfUseUrl: `https://cercle.example.org${HOST_ROUTES.terms}`,
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('lets anonymous meeting guests open the tab', () => {
    expect(manifest.meetingExtensionDefinition).toEqual({ supportsAnonymousGuestUsers: true });
  });

  it('declares SSO for the Entra app and the stage-sharing permissions (chat and channel meetings)', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: deployment.teamsClientId,
      resource: `api://cercle.example.org/${deployment.teamsClientId}`,
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]);
  });

  it('leaves SSO out, and stays valid, when no Entra app is configured', async () => {
    const withoutSso = buildTeamsManifest(makeDeployment({ teamsClientId: null }));

    expect(withoutSso.webApplicationInfo).toBeUndefined();
    expect(await schemaErrors(withoutSso)).toEqual([]);
  });

  it('speaks French through a translation file that validates too', async () => {
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([
      { languageTag: 'fr', file: 'fr.json' },
    ]);
    const french = JSON.parse(readFileSync(new URL('teams/fr.json', MANIFESTS_DIR), 'utf8'));

    expect(await schemaErrors(french)).toEqual([]);
    expect(french['description.short']).toMatch(/codéveloppement/);
  });
});

describe('Teams app package', () => {
  const deployment = makeDeployment();
  const files = unzipSync(buildTeamsPackage(deployment));

  it('holds the manifest and exactly the files it names, at the root', () => {
    expect(Object.keys(files).sort()).toEqual([
      'color.png',
      'fr.json',
      'manifest.json',
      'outline.png',
    ]);
  });

  it('holds the manifest of this deployment and the committed icons', () => {
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toEqual(buildTeamsManifest(deployment));
    for (const icon of ['color.png', 'outline.png']) {
      expect(
        Buffer.from(files[icon]!).equals(readFileSync(new URL(`teams/${icon}`, MANIFESTS_DIR))),
      ).toBe(true);
    }
  });

  it('gives the same bytes for the same deployment', () => {
    expect(
      Buffer.from(buildTeamsPackage(deployment)).equals(Buffer.from(buildTeamsPackage(deployment))),
    ).toBe(true);
  });
});
