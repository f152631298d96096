import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import { detectLocale, I18nProvider } from './i18n/i18n.tsx';
import './styles.css';

// The CSP forbids eval: validation must not try to compile code at run time.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider
        initial={detectLocale(location.search, navigator.languages ?? [navigator.language])}
      >
        <App />
      </I18nProvider>
    </StrictMode>,
  );
