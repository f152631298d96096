import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import { readBoot } from './hosts/boot.ts';
import { TeamsApp } from './hosts/teams/TeamsApp.tsx';
import { looksLikeTeams } from './hosts/teams/teamsClient.ts';
import { ZoomApp } from './hosts/zoom/ZoomApp.tsx';
import { detectLocale, I18nProvider } from './i18n/i18n.tsx';
import { followSystemTheme } from './ui/theme.ts';
import './styles.css';

// The CSP forbids eval: validation must not try to compile code at run time.
z.config({ jitless: true });

const root = document.getElementById('root');
const boot = readBoot();
const isTeams = looksLikeTeams(new URL(location.href));
// Teams sets its own theme; everywhere else the system's preference decides.
if (!isTeams) followSystemTheme();
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider
        initial={detectLocale(location.search, navigator.languages ?? [navigator.language])}
      >
        {boot?.host === 'zoom' ? <ZoomApp boot={boot} /> : isTeams ? <TeamsApp /> : <App />}
      </I18nProvider>
    </StrictMode>,
  );
