import { addressResponseSchema } from '@cercle/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from './zodRoutes.ts';

/**
 * The server's public address, for a panel opened under another name (a LAN name, an IP) whose
 * socket the origin check refuses: the person is told where to open Cercle rather than left on
 * "reconnecting". The address is already in every link the server hands out.
 */
export function registerAddressRoute(fastify: FastifyInstance, publicUrl: string): void {
  fastify
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/address', { schema: { response: { 200: addressResponseSchema } } }, async () => ({
      publicUrl,
    }));
}
