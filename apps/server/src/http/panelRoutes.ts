import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './httpError.ts';

const NOT_BUILT_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Cercle</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Cercle</h1>
<p>Le panneau n'est pas encore construit. Lancez <code>pnpm build</code> (ou <code>pnpm start</code>) à la racine du dépôt.</p>
<p lang="en">The panel is not built yet. Run <code>pnpm build</code> (or <code>pnpm start</code>) at the repository root.</p>
</body></html>`;

/** Serves the built panel, and its index.html for every client-side route. */
export async function registerPanelRoutes(app: FastifyInstance, panelDir: string): Promise<void> {
  const isBuilt = existsSync(join(panelDir, 'index.html'));
  if (isBuilt) {
    await app.register(fastifyStatic, { root: panelDir, wildcard: false, index: false });
  }
  const sendPanel = (reply: import('fastify').FastifyReply) =>
    isBuilt
      ? reply.header('Cache-Control', 'no-cache').sendFile('index.html')
      : reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);

  app.get('/', async (_request, reply) => sendPanel(reply));
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (isPage) return sendPanel(reply);
    return sendError(
      reply,
      404,
      'notFound',
      `No route for ${request.method} ${request.url.split('?')[0]}`,
    );
  });
}
