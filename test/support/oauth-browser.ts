/**
 * A minimal cookie-keeping HTTP "browser" for the authorization pages: it follows the same forms a
 * person would (sign-in, then consent) against a listening server.
 */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();

  /** `headers` go on every request, e.g. `X-Forwarded-For` to sign in "from" another address behind TRUST_PROXY. */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(pathOrUrl: string): Promise<Response> {
    return this.send(pathOrUrl, { method: 'GET' });
  }

  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Signs in on the page `authorizeUrl` shows, then answers the consent screen; returns the final redirect. */
  async authorize(
    authorizeUrl: string,
    credentials: { email: string; password: string },
    decision: 'approve' | 'deny' = 'approve',
  ): Promise<URL> {
    const signInPage = await this.get(authorizeUrl);
    const signInFields = hiddenFields(await signInPage.text());
    const signedIn = await this.postForm('/oauth/login', { ...signInFields, ...credentials });
    if (signedIn.status !== 303) throw new Error(`sign-in failed with ${signedIn.status}: ${await signedIn.text()}`);
    const consent = await this.get(signedIn.headers.get('location')!);
    const consentFields = hiddenFields(await consent.text());
    const decided = await this.postForm('/oauth/authorize', { ...consentFields, decision });
    if (decided.status !== 302) throw new Error(`consent failed with ${decided.status}: ${await decided.text()}`);
    return new URL(decided.headers.get('location')!);
  }

  private async send(pathOrUrl: string, init: RequestInit): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
  }
  return fields;
}
