import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'start' }
  | { readonly name: 'session'; readonly sessionId: string }
  | { readonly name: 'cycle'; readonly groupId: string; readonly fromSessionId: string }
  | { readonly name: 'notFound' };

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  const cycle = /^\/g\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  const from = new URLSearchParams(search).get('from');
  if (cycle?.[1] && from && /^[A-Za-z0-9_-]{1,64}$/.test(from))
    return { name: 'cycle', groupId: cycle[1], fromSessionId: from };
  const match = /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return match?.[1] ? { name: 'session', sessionId: match[1] } : { name: 'notFound' };
}

/** Where the panel's route lives: the address bar, or memory where the page URL must not change. */
export interface Navigator {
  /** The current path with its query, e.g. `/g/abc?from=xyz`. */
  readonly path: () => string;
  readonly push: (path: string) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

/** The address bar, without reloading: host SDKs tie their session to the page. */
export const browserNavigator: Navigator = {
  path: () => location.pathname + location.search,
  push(path) {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  },
  subscribe(listener) {
    addEventListener('popstate', listener);
    return () => removeEventListener('popstate', listener);
  },
};

/** A route kept in memory: the page's URL never changes (Zoom binds its SDK to that URL). */
export function memoryNavigator(initialPath: string): Navigator {
  let current = initialPath;
  const listeners = new Set<() => void>();
  return {
    path: () => current,
    push(path) {
      current = path;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// One panel per page, as one address bar per page: whoever hosts it picks where routes live.
let active: Navigator = browserNavigator;

/** Routes through `navigator` from now on; the host shell calls it before rendering the app. */
export function setPageNavigator(navigator: Navigator): void {
  active = navigator;
}

/** Client-side navigation: never a reload. */
export function navigate(path: string): void {
  active.push(path);
}

export function useRoute(): Route {
  const navigator = active;
  const path = useSyncExternalStore(navigator.subscribe, navigator.path);
  const url = new URL(path, 'http://panel.invalid');
  return parseRoute(url.pathname, url.search);
}
