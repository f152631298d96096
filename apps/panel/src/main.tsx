import './zodJitless.ts';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readBoot } from './hosts/boot.ts';
import { looksLikeTeams } from './hosts/teams/looksLikeTeams.ts';
import { detectLocale, I18nProvider, loadMessages, withPageMessages } from './i18n/i18n.tsx';
import { followSystemTheme } from './ui/theme.ts';
import './styles.css';

// Each host's shell loads only inside that host, with its SDK: a browser never fetches them.
const ZoomApp = lazy(
  withPageMessages(() =>
    import('./hosts/zoom/ZoomApp.tsx').then((module) => ({ default: module.ZoomApp })),
  ),
);
const TeamsApp = lazy(
  withPageMessages(() =>
    import('./hosts/teams/TeamsApp.tsx').then((module) => ({ default: module.TeamsApp })),
  ),
);

const root = document.getElementById('root');
const boot = readBoot();
const isTeams = looksLikeTeams(new URL(location.href));
// Teams sets its own theme in its frames; everywhere else the system’s preference decides.
if (!isTeams || window.parent === window) followSystemTheme();
const locale = detectLocale(location.search, navigator.languages ?? [navigator.language]);
// A reader of English waits for their messages rather than seeing French first.
await loadMessages(locale).catch(() => undefined);
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider initial={locale}>
        {boot?.host === 'zoom' ? (
          <Suspense fallback={null}>
            <ZoomApp boot={boot} />
          </Suspense>
        ) : isTeams ? (
          <Suspense fallback={null}>
            <TeamsApp />
          </Suspense>
        ) : (
          <App />
        )}
      </I18nProvider>
    </StrictMode>,
  );
