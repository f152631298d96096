import { useEffect, useState } from 'react';

export type Route =
  | { readonly name: 'start' }
  | { readonly name: 'session'; readonly sessionId: string }
  | { readonly name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  const match = /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return match?.[1] ? { name: 'session', sessionId: match[1] } : { name: 'notFound' };
}

/** Client-side navigation: host SDKs tie their session to the page, so never reload it. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return route;
}
