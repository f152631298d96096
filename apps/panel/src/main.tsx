import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import { readBoot } from './hosts/boot.ts';
import { TeamsApp } from './hosts/teams/TeamsApp.tsx';
import { looksLikeTeams } from './hosts/teams/teamsClient.ts';
import { ZoomApp } from './hosts/zoom/ZoomApp.tsx';
import { detectLocale, I18nProvider } from './i18n/i18n.tsx';
import './styles.css';

// The CSP forbids eval: validation must not try to compile code at run time.
z.config({ jitless: true });

const root = document.getElementById('root');
const boot = readBoot();
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider
        initial={detectLocale(location.search, navigator.languages ?? [navigator.language])}
      >
        {boot?.host === 'zoom' ? (
          <ZoomApp boot={boot} />
        ) : looksLikeTeams(new URL(location.href)) ? (
          <TeamsApp />
        ) : (
          <App />
        )}
      </I18nProvider>
    </StrictMode>,
  );
