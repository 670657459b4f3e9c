import { escapeHtml } from './invitation-pages';
import type { InvitationMessage } from './invitation-mailer';

const lifetime = (hours: number): string => (hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`);

/** Subject, plain text and HTML of the invitation e-mail. */
export function invitationEmail(message: InvitationMessage): { subject: string; text: string; html: string } {
  const intro = `You have been invited to join the workspace "${message.workspaceName}" on WebWork as ${message.role}.`;
  const validity = `The link works once and expires in ${lifetime(message.expiresInHours)}.`;
  return {
    subject: `Invitation to ${message.workspaceName} on WebWork`,
    text: `${intro}\n\nAccept the invitation:\n${message.link}\n\n${validity}\n`,
    html:
      `<p>${escapeHtml(intro)}</p>` +
      `<p><a href="${escapeHtml(message.link)}">Accept the invitation</a></p>` +
      `<p>${escapeHtml(validity)}</p>`,
  };
}
