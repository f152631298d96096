import type { HttpError, HttpErrorCode } from '@cercle/protocol';
import type { FastifyReply } from 'fastify';

export function sendError(
  reply: FastifyReply,
  status: number,
  code: HttpErrorCode,
  message: string,
): FastifyReply {
  return reply.status(status).send({ error: { code, message } } satisfies HttpError);
}
