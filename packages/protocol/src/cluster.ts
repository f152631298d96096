import { z } from 'zod';
import { eventSchema } from './domainSchemas.ts';
import { idSchema } from './ids.ts';

/**
 * What one server instance tells the others after a commit (through Redis). Inter-instance
 * traffic is a boundary like any other: a notice is checked before it moves a room.
 */
export const commitNoticeSchema = z
  .object({
    sessionId: idSchema,
    origin: z.string().min(1).max(200),
    firstSeq: z.number().int().positive(),
    lastSeq: z.number().int().positive(),
    /** The committed events in order, inline only when every one of them is public. */
    events: z
      .array(
        z.object({
          seq: z.number().int().positive(),
          event: eventSchema,
          actorId: idSchema,
          commandId: idSchema.nullable(),
        }),
      )
      .max(64)
      .nullable(),
  })
  .refine((n) => n.lastSeq >= n.firstSeq, 'lastSeq before firstSeq')
  .refine(
    (n) =>
      n.events === null ||
      (n.events.length === n.lastSeq - n.firstSeq + 1 &&
        n.events.every((e, i) => e.seq === n.firstSeq + i)),
    'inline events must cover firstSeq..lastSeq in order',
  );
export type CommitNotice = z.infer<typeof commitNoticeSchema>;

/** A notice from its wire form, or null for anything malformed (logged by the caller). */
export function parseCommitNotice(text: string): CommitNotice | null {
  try {
    const parsed = commitNoticeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
