import { lazy, Suspense } from 'react';
import { useI18n, withPageMessages } from './i18n/i18n.tsx';
import { SessionRoute } from './routes/SessionRoute.tsx';
import { useRoute } from './ui/router.ts';

// A panel opened from a link goes straight to its session: the start and cycle pages, visited
// once in a while, load apart so that the live stage paints sooner.
const StartPage = lazy(
  withPageMessages(() =>
    import('./routes/StartPage.tsx').then((module) => ({ default: module.StartPage })),
  ),
);
const CyclePage = lazy(
  withPageMessages(() =>
    import('./routes/CyclePage.tsx').then((module) => ({ default: module.CyclePage })),
  ),
);

function Loading() {
  const { t } = useI18n();
  return (
    <main className="page" aria-busy="true">
      <p className="card">{t.loading}</p>
    </main>
  );
}

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  switch (route.name) {
    case 'start':
      return (
        <Suspense fallback={<Loading />}>
          <StartPage />
        </Suspense>
      );
    case 'session':
      return <SessionRoute key={route.sessionId} sessionId={route.sessionId} />;
    case 'cycle':
      return (
        <Suspense fallback={<Loading />}>
          <CyclePage groupId={route.groupId} fromSessionId={route.fromSessionId} />
        </Suspense>
      );
    case 'notFound':
      return (
        <main className="page">
          <p className="card error">{t.missingCredentials}</p>
        </main>
      );
  }
}
