import { type Boot, bootSchema } from '@cercle/protocol';

/** What the server wrote into the page for a host client, if anything (validated, never trusted raw). */
export function readBoot(doc: Document = document): Boot | null {
  const text = doc.getElementById('cercle-boot')?.textContent;
  if (!text) return null;
  try {
    const parsed = bootSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
