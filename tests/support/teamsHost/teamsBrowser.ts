import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../browser.ts';
import type { TestCertificate } from './certificate.ts';
import { inPageCall } from './inPage.ts';
import { TEAMS_HOST_ADDRESS, TEAMS_HOSTNAME } from './teamsHostServer.ts';

export const CERCLE_HOSTNAME = 'cercle.example.org';
export const CERCLE_ADDRESS = '127.0.0.1';

/**
 * `allowed`: as Chrome stable ships: third-party cookies allowed, storage partitioned by
 * top-level site (what Cercle stores at top level is not what its frame in Teams sees).
 * `blocked`: site data refused for Cercle's host (a cookies content-setting exception, as a
 * person who blocks cookies for it would have), so `localStorage` throws `SecurityError`.
 */
export type StorageMode = 'allowed' | 'blocked';

/** One `securitypolicyviolation` event, as the frame saw it. */
export interface CspViolation {
  readonly frameUrl: string;
  readonly documentURI: string;
  readonly blockedURI: string;
  readonly effectiveDirective: string;
  readonly violatedDirective: string;
  readonly disposition: string;
  readonly sourceFile: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
  readonly sample: string;
}

export interface TeamsBrowser {
  readonly context: BrowserContext;
  readonly storage: StorageMode;
  /** Every CSP violation reported so far in frames of `origin` (all frames when omitted). */
  cspViolations(options?: { origin?: string; page?: Page }): Promise<CspViolation[]>;
  close(): Promise<void>;
}

// The same flags as tests/support/browser.ts (which does not export them): without the
// background-networking ones Chromium keeps trying hosts this machine cannot reach.
const STANDARD_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Playwright's own `--disable-features` list minus `ThirdPartyStoragePartitioning`, which it
 * turns off and which Chrome ships on. Chromium keeps the last `--disable-features` it is given,
 * so this one replaces Playwright's; the self-test proves storage is partitioned.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

const CSP_BINDING = '__cercleHarnessCspViolation';

/** The Chromium profile preferences for a storage mode, written before launch. */
export function profilePreferences(storage: StorageMode): Record<string, unknown> {
  // 0 = allow third-party cookies, as Chrome stable does; this Chromium build's fresh profile
  // blocks them (document.cookie refused in the frame) though storage stays available.
  if (storage === 'allowed') return { profile: { cookie_controls_mode: 0 } };
  return {
    profile: {
      content_settings: {
        exceptions: {
          // Any scheme and port of Cercle's host, in any top-level site: 2 = block.
          cookies: { [`[*.]${CERCLE_HOSTNAME},*`]: { setting: 2 } },
        },
      },
    },
  };
}

/** Names resolve only to the two test servers; everything else fails, so nothing leaks out. */
export function hostResolverRules(
  teamsAddress: string = TEAMS_HOST_ADDRESS,
  cercleAddress: string = CERCLE_ADDRESS,
): string {
  return [
    `MAP ${TEAMS_HOSTNAME} ${teamsAddress}`,
    `MAP ${CERCLE_HOSTNAME} ${cercleAddress}`,
    'MAP * ~NOTFOUND',
  ].join(', ');
}

/**
 * Launches Chromium with a fresh profile (its own user-data-dir, needed both for the storage
 * preferences and for Chromium to honour the SPKI flag), the name mapping and the certificate.
 * Every frame reports its CSP violations to the test through a binding.
 */
export async function launchTeamsBrowser(options: {
  certificate: TestCertificate;
  storage: StorageMode;
  teamsAddress?: string;
  cercleAddress?: string;
  locale?: string;
}): Promise<TeamsBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cercle-teams-profile-'));
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify(profilePreferences(options.storage)),
  );
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: [
        ...STANDARD_ARGS,
        `--host-resolver-rules=${hostResolverRules(options.teamsAddress, options.cercleAddress)}`,
        `--ignore-certificate-errors-spki-list=${options.certificate.spkiSha256}`,
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ],
      locale: options.locale ?? 'fr-FR',
      viewport: null,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const violations: { violation: CspViolation; frame: Frame }[] = [];
  await context.exposeBinding(CSP_BINDING, ({ frame }, violation: CspViolation) => {
    violations.push({ violation, frame });
  });
  await context.addInitScript(
    inPageCall((binding: string) => {
      window.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
          report?.({
            frameUrl: location.href,
            documentURI: event.documentURI,
            blockedURI: event.blockedURI,
            effectiveDirective: event.effectiveDirective,
            violatedDirective: event.violatedDirective,
            disposition: event.disposition,
            sourceFile: event.sourceFile,
            lineNumber: event.lineNumber,
            columnNumber: event.columnNumber,
            sample: event.sample,
          });
        },
        true,
      );
    }, CSP_BINDING),
  );

  return {
    context,
    storage: options.storage,
    async cspViolations(filter = {}) {
      // Binding calls and evaluation results share one ordered channel per frame: a round trip
      // to each live frame delivers every report it has already sent.
      const pages = filter.page ? [filter.page] : context.pages();
      await Promise.all(
        pages.flatMap((page) =>
          page.frames().map((frame) => frame.evaluate(() => 0).catch(() => 0)),
        ),
      );
      return violations
        .filter(({ violation, frame }) => {
          if (filter.page && frame.page() !== filter.page) return false;
          if (!filter.origin) return true;
          try {
            return new URL(violation.frameUrl).origin === filter.origin;
          } catch {
            return false;
          }
        })
        .map(({ violation }) => violation);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
