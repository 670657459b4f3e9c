import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import nodemailer, { Transporter } from 'nodemailer';
import { invitationEmail } from './invitation-email';

export interface InvitationMessage {
  to: string;
  workspaceName: string;
  role: string;
  link: string;
  expiresInHours: number;
}

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends invitation e-mails through SMTP_URL with nodemailer, in the background: a slow or failing mail server
 * never holds up or fails the invite (the link is in the response too). Without SMTP_URL the link is logged,
 * for development. Shutdown waits for the messages still in flight.
 */
@Injectable()
export class InvitationMailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Invitations');
  private readonly transport: Transporter | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }) : undefined;
  }

  send(message: InvitationMessage): void {
    if (!this.transport) {
      this.logger.log(`SMTP_URL is not set; invitation link for ${message.to}: ${message.link}`);
      return;
    }
    const sending = this.transport
      .sendMail({ from: this.config.mailFrom, to: message.to, ...invitationEmail(message) })
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn(`invitation e-mail to ${message.to} failed: ${String((error as Error)?.message ?? error)}`),
      )
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    this.transport?.close();
  }
}
