import { setTheme } from '../../ui/theme.ts';

/** The Teams calls the panel makes; the real library and a test stand-in both fit. */
export interface TeamsSdkLike {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      app: { theme?: string; locale?: string };
      page: { frameContext?: string };
      meeting?: { id?: string };
      user?: { id?: string };
    }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  pages: {
    config: {
      setValidityState(isValid: boolean): void;
      registerOnSaveHandler(
        handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void,
      ): void;
      setConfig(config: {
        contentUrl: string;
        websiteUrl?: string;
        entityId: string;
        suggestedDisplayName?: string;
      }): Promise<void>;
    };
  };
  meeting: {
    shareAppContentToStage(
      callback: (error: unknown, result: boolean | null) => void,
      url: string,
    ): void;
  };
  authentication: { getAuthToken(): Promise<string> };
}

export interface TeamsHost {
  readonly sdk: TeamsSdkLike;
  readonly frameContext: string;
  readonly theme: string;
  readonly locale: string | null;
}

/** Outside Teams, initialize() rejects at once in a top window but can hang in a foreign frame. */
export const TEAMS_INIT_TIMEOUT_MS = 3000;

export async function connectTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsHost | null> {
  try {
    const sdk = (await import('./teamsSdk.ts')) as unknown as TeamsSdkLike;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs);
    });
    await Promise.race([sdk.app.initialize(), timeout]).finally(() => clearTimeout(timer));
    const context = await sdk.app.getContext();
    return {
      sdk,
      frameContext: context.page.frameContext ?? 'content',
      theme: context.app.theme ?? 'default',
      locale: context.app.locale ?? null,
    };
  } catch {
    return null;
  }
}

/** Follows the Teams theme: default, dark or high contrast ("contrast"). */
export function applyTheme(theme: string): void {
  setTheme(theme === 'dark' || theme === 'contrast' ? theme : 'light');
}
