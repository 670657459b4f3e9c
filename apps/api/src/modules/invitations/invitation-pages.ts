import { escapeHtml, layout } from '../oauth/oauth-pages';

export { escapeHtml };
export { PAGE_HEADERS } from '../oauth/oauth-pages';

export interface AcceptPageOptions {
  action: string;
  csrfToken: string;
  workspaceName: string;
  email: string;
  /** A new user chooses a password; an existing one only confirms. */
  needsPassword: boolean;
  error?: string;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export function acceptInvitationPage(options: AcceptPageOptions): string {
  const password = options.needsPassword
    ? `<label for="password">Choose a password (at least ${MIN_PASSWORD_LENGTH} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<label for="password_confirmation">Repeat the password</label>
<input id="password_confirmation" name="password_confirmation" type="password" autocomplete="new-password" required>`
    : '';
  return layout(
    'Accept invitation',
    `<h1>Join ${escapeHtml(options.workspaceName)}</h1>
<p>You were invited as <strong id="email">${escapeHtml(options.email)}</strong>.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(options.csrfToken)}">
${password}
<button type="submit" id="accept">Accept invitation</button>
</form>`,
  );
}

export function invitationAcceptedPage(options: { workspaceName: string; email: string }): string {
  return layout(
    'Invitation accepted',
    `<h1 id="accepted">Welcome to ${escapeHtml(options.workspaceName)}</h1>
<p>Your membership is active. Sign in as <strong>${escapeHtml(options.email)}</strong> in any WebWork app (the OAuth sign-in
page asks for this e-mail address and your password), or ask for a personal access token.</p>`,
  );
}

export function invitationRefusedPage(message: string): string {
  return layout('Invitation', `<h1>Invitation</h1><p class="error" role="alert" id="refused">${escapeHtml(message)}</p>`);
}
