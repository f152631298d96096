import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Deployment } from './deployment.ts';
import { fillTemplate } from './fillTemplate.ts';
import type { TeamsAppManifest, ZoomAppManifest } from './manifestTypes.ts';
import { usesCollaborateMode, ZOOM_APP_APIS } from './zoomApis.ts';

/** The repository's `manifests/` folder: templates, icons and translations. */
export const MANIFESTS_DIR = new URL('../../../manifests/', import.meta.url);

export const ZOOM_MANIFEST_FILE = 'zoom-app-manifest.json';
export const TEAMS_PACKAGE_FILE = 'teams-app.zip';

/** Zip entries carry this date so the same deployment always gives the same bytes. */
const PACKAGE_MTIME = new Date('2025-01-01T00:00:00Z');

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(path, MANIFESTS_DIR), 'utf8'));
}

export function buildZoomManifest(deployment: Deployment): ZoomAppManifest {
  return fillTemplate(readJson('zoom/app-manifest.template.json'), {
    BASE_URL: deployment.baseUrl,
    HOST: deployment.host,
    ZOOM_APP_APIS,
    // On exactly when the panel calls Collaborate's APIs: one list says both.
    ZOOM_COLLABORATE_MODE: usesCollaborateMode(ZOOM_APP_APIS),
  }) as ZoomAppManifest;
}

export function buildTeamsManifest(deployment: Deployment): TeamsAppManifest {
  const { webApplicationInfo, ...withoutSso } = readJson('teams/manifest.template.json');
  // Without an Entra app, Teams users join like browser users: no SSO section at all.
  const template =
    deployment.teamsClientId === null ? withoutSso : { ...withoutSso, webApplicationInfo };
  return fillTemplate(template, {
    BASE_URL: deployment.baseUrl,
    HOST: deployment.host,
    TEAMS_APP_ID: deployment.teamsAppId,
    TEAMS_CLIENT_ID: deployment.teamsClientId ?? '',
  }) as TeamsAppManifest;
}

/** Files the manifest names (icons, translations): they go beside it at the package root. */
export function teamsPackageFiles(manifest: TeamsAppManifest): string[] {
  const { defaultLanguageFile, additionalLanguages = [] } = manifest.localizationInfo ?? {};
  return [
    manifest.icons.color,
    manifest.icons.outline,
    ...(defaultLanguageFile ? [defaultLanguageFile] : []),
    ...additionalLanguages.map((language) => language.file),
  ];
}

/** The zip to upload to Teams: manifest.json and the files it names, all at the root. */
export function buildTeamsPackage(deployment: Deployment): Uint8Array {
  const manifest = buildTeamsManifest(deployment);
  const entries: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const file of teamsPackageFiles(manifest)) {
    entries[file] = readFileSync(new URL(`teams/${file}`, MANIFESTS_DIR));
  }
  return zipSync(entries, { level: 9, mtime: PACKAGE_MTIME });
}

/** Writes both host packages into `outDir` and returns their paths. */
export function writeManifests(deployment: Deployment, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const zoomPath = join(outDir, ZOOM_MANIFEST_FILE);
  const teamsPath = join(outDir, TEAMS_PACKAGE_FILE);
  writeFileSync(zoomPath, `${JSON.stringify(buildZoomManifest(deployment), null, 2)}\n`);
  writeFileSync(teamsPath, buildTeamsPackage(deployment));
  return [zoomPath, teamsPath];
}
