import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import type { RenderedMail } from './mail-renderer';

/**
 * Sends rendered e-mails over SMTP with nodemailer (CONTRACT.md B27): implicit TLS when
 * `SMTP_SECURE=true`, otherwise STARTTLS whenever the server offers it; login when
 * `SMTP_USER`/`SMTP_PASSWORD` are set. Connections are pooled, one per concurrent job.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter | null;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    const { smtp } = config;
    if (!smtp.host) {
      this.logger.warn('SMTP_HOST is not set: mail jobs fail, and are retried, until it is');
      this.transporter = null;
      return;
    }
    this.transporter = createTransport({
      pool: true,
      maxConnections: config.worker.mailConcurrency,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: RenderedMail, messageId: string): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_HOST is not set');
    await this.transporter.sendMail({
      from: this.config.smtp.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId,
    });
  }

  /** The domain of `MAIL_FROM`, for Message-IDs. */
  senderDomain(): string {
    return /@([^>\s]+)>?\s*$/.exec(this.config.smtp.from)?.[1] ?? 'online-cinema.local';
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
