const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const SCOPE_TEXT: Record<string, string> = {
  read: 'Read your workspaces, projects, time and reports',
  write: 'Create, change and delete data on your behalf',
  admin: 'Administer members, project viewers and webhooks',
};

/** Headers for every page: no framing, no caching, no referrer, nothing loaded from elsewhere. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.8rem 0 .2rem}input[type=email],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1.2rem;margin-right:.5rem}.error{color:#b00020}li{margin:.3rem 0}</style>
</head><body>${body}</body></html>`;
}

const hidden = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');

export function signInPage(options: { csrfToken: string; returnTo: string; error?: string }): string {
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/oauth/login">
${hidden({ csrf_token: options.csrfToken, return_to: options.returnTo })}
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" id="sign-in">Sign in</button>
</form>`,
  );
}

export function consentPage(options: { appName: string; scopes: string[]; csrfToken: string; params: Record<string, string> }): string {
  const scopes = options.scopes
    .map((scope) => `<li><strong>${escapeHtml(scope)}</strong>: ${escapeHtml(SCOPE_TEXT[scope] ?? scope)}</li>`)
    .join('');
  return layout(
    'Authorize application',
    `<h1>Authorize ${escapeHtml(options.appName)}</h1>
<p><strong>${escapeHtml(options.appName)}</strong> asks for access to your WebWork account:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">
${hidden({ ...options.params, csrf_token: options.csrfToken })}
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout('Authorization error', `<h1>Authorization error</h1><p class="error">${escapeHtml(message)}</p>`);
}
