import type { FastifyInstance } from 'fastify';
import { messagePage } from './bootPage.ts';

/** The privacy and terms pages the Zoom and Teams manifests link to. */
export function registerLegalRoutes(app: FastifyInstance): void {
  app.get('/privacy', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      messagePage('Cercle : confidentialité', {
        fr: 'Cercle conserve les séances (déroulé, rôles, notes) sur le serveur de votre organisation. Les notes privées ne sont lues que par leur auteur. Rien n’est transmis à des tiers.',
        en: 'Cercle keeps sessions (stages, roles, notes) on your organisation’s server. Private notes are read by their author only. Nothing is passed to third parties.',
      }),
    ),
  );
  app.get('/terms', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      messagePage('Cercle : conditions d’utilisation', {
        fr: 'Cercle accompagne des séances de codéveloppement. Ce qui se dit dans le groupe reste dans le groupe.',
        en: 'Cercle supports co-development sessions. What is said in the group stays in the group.',
      }),
    ),
  );
}
