import type { ZoomConfigResponse, ZoomSdkLike } from './zoomClient.ts';

/**
 * How long one `config` lasts. The SDK reference gives no figure; Zoom's advanced sample re-runs
 * `config` every two hours "to account for the 2 hour timeout for config".
 */
export const ZOOM_CONFIG_LIFETIME_MS = 2 * 60 * 60_000;
/** Well before the lifetime: a timer in a hidden panel may fire late. */
export const ZOOM_CONFIG_REFRESH_MS = 90 * 60_000;

/** Time as the connection reads it; a test passes a fake one. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ZoomConnectionOptions {
  readonly sdk: ZoomSdkLike;
  readonly capabilities: readonly string[];
  readonly clock?: Clock;
  /** The page's address: Zoom binds a `config` to it. */
  readonly pageUrl?: () => string;
  /** Each successful `config`, with the running context it reports. */
  readonly onConfigured?: (response: ZoomConfigResponse) => void;
  /** A refresh nobody waited for failed: the person must hear of it. */
  readonly onRefreshFailed?: (error: unknown) => void;
}

export interface ZoomConnection {
  readonly sdk: ZoomSdkLike;
  /** Runs `config` now (again), for the current URL. */
  configure(): Promise<ZoomConfigResponse>;
  /** Runs an SDK call under a `config` that is still fresh and made for this page's URL. */
  call<T>(api: (sdk: ZoomSdkLike) => Promise<T>): Promise<T>;
  /** Stops the refresh timer. */
  close(): void;
}

/**
 * Keeps the SDK configured for as long as the panel is open. Zoom ties a `config` to the page URL
 * ("if your URL changes, your configuration will be invalidated", SDK reference for `config`) and
 * the sample treats it as lasting two hours: `config` runs again on a timer before then, and before
 * any call made after the URL changed or after the timer was late.
 */
export function createZoomConnection(options: ZoomConnectionOptions): ZoomConnection {
  const { sdk, capabilities } = options;
  const clock = options.clock ?? systemClock;
  const pageUrl = options.pageUrl ?? (() => location.href);
  let current: { readonly at: number; readonly url: string } | null = null;
  let inFlight: Promise<ZoomConfigResponse> | null = null;
  let timer: unknown = null;
  let isClosed = false;

  const schedule = () => {
    if (timer !== null) clock.clearTimeout(timer);
    if (isClosed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      configure().catch((error: unknown) => options.onRefreshFailed?.(error));
    }, ZOOM_CONFIG_REFRESH_MS);
  };

  function configure(): Promise<ZoomConfigResponse> {
    if (inFlight) return inFlight;
    // What the last one allowed may not hold any more (a new role, a new running context): calls
    // made from now on wait for this one.
    current = null;
    // Counted from the request: the client's token may be made before its answer arrives.
    const at = clock.now();
    const url = pageUrl();
    const running = sdk
      .config({ capabilities: [...capabilities], version: '0.16' })
      .then((response) => {
        current = { at, url };
        schedule();
        options.onConfigured?.(response);
        return response;
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = running;
    return running;
  }

  const isFresh = () =>
    current !== null &&
    current.url === pageUrl() &&
    clock.now() - current.at < ZOOM_CONFIG_REFRESH_MS;

  return {
    sdk,
    configure,
    async call(api) {
      if (!isFresh()) await configure();
      return api(sdk);
    },
    close() {
      isClosed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
