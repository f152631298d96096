import { useI18n } from './i18n/i18n.tsx';
import { CyclePage } from './routes/CyclePage.tsx';
import { SessionRoute } from './routes/SessionRoute.tsx';
import { StartPage } from './routes/StartPage.tsx';
import { useRoute } from './ui/router.ts';

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'session':
      return <SessionRoute key={route.sessionId} sessionId={route.sessionId} />;
    case 'cycle':
      return <CyclePage groupId={route.groupId} fromSessionId={route.fromSessionId} />;
    case 'notFound':
      return (
        <main className="page">
          <p className="card error">{t.missingCredentials}</p>
        </main>
      );
  }
}
