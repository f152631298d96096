import { type HttpErrorCode, httpErrorSchema } from '@cercle/protocol';
import type { z } from 'zod';

export type ZoomHttpResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** 0 when the network failed. */
      readonly status: number;
      readonly code: HttpErrorCode | null;
      readonly message: string | null;
    };

/** Posts JSON (with the person's credential when given) and checks the answer against `schema`. */
export async function postZoomJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  token?: string,
): Promise<ZoomHttpResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: null, message: null };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, status: response.status, code: null, message: null };
  }
  const error = httpErrorSchema.safeParse(json);
  return {
    ok: false,
    status: response.status,
    code: error.success ? error.data.error.code : null,
    message: error.success ? error.data.error.message : null,
  };
}

/** POST /api/file-links: a single-use address of one of the person's files (schemas in the protocol). */
export const FILE_LINKS_PATH = '/api/file-links';
export { type FileLinkResponse, fileLinkResponseSchema } from '@cercle/protocol';
