import { type HttpErrorCode, httpErrorSchema } from '@cercle/protocol';
import type { z } from 'zod';

export type ApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string | null;
      status: number;
      /** The server's error code, when it answered with one: what the page may explain. */
      code?: HttpErrorCode;
    };

/** Posts JSON and validates the answer; `message` null means the network failed. */
export async function postJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: null, status: 0 };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, message: 'unexpected answer', status: response.status };
  }
  const error = httpErrorSchema.safeParse(json);
  return {
    ok: false,
    message: error.success ? error.data.error.message : `HTTP ${response.status}`,
    status: response.status,
    ...(error.success ? { code: error.data.error.code } : {}),
  };
}

/** Calls the API with the person's seat in a session; `null` means the network failed. */
export async function authorizedFetch(
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response | null> {
  try {
    return await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    return null;
  }
}

/** Saves a response body as a file on the person's device. */
export async function download(response: Response, filename: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
