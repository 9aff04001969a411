import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META } from '../../shared/transport';

/** The first account of every test's data folder, made through the API before the page opens. */
export const E2E_ADMINISTRATOR = { name: 'Claire Martin', password: 'un mot de passe de test' };

/**
 * Signs the preview host in, as a person does on its first screen: the first account on a new
 * folder, else a sign-in (a restarted host has forgotten its session). The page then finds the
 * session open, held by the host.
 */
export async function signInPreview(url: string): Promise<void> {
  const api = await previewApi(url);
  const { setupNeeded } = await api<{ setupNeeded: boolean }>('session.status', {});
  if (setupNeeded) await api('session.setup', E2E_ADMINISTRATOR);
  else await api('session.signIn', E2E_ADMINISTRATOR);
}

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
