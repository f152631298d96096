import { z } from 'zod';

// The CSP forbids eval. Zod probes for it (`new Function`) when it builds its first object schema,
// and the browser reports the refused probe as a violation: say "no eval" before any schema exists.
// Imported first by main.tsx, ahead of every module that builds schemas.
z.config({ jitless: true });
