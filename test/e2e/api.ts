import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META } from '../../shared/transport';

/**
 * The preview's API called from the test itself, with the token the page receives: the records
 * a test starts from, and a look at what was (not) saved. Answers the value, or throws the refusal.
 */
export async function previewApi(url: string) {
  const html = await (await fetch(url)).text();
  const token = new RegExp(`<meta name="${PREVIEW_TOKEN_META}" content="([^"]+)"`).exec(html)?.[1] ?? '';
  return async function api<T>(method: string, input: unknown): Promise<T> {
    const response = await fetch(new URL(`api/${encodeURIComponent(method)}`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: unknown };
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}
