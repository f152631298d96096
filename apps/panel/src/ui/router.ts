import { useEffect, useState } from 'react';

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

/** Client-side navigation: host SDKs tie their session to the page, so never reload it. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname, location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return route;
}
