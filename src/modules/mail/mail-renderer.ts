import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import type { MailJob, MailTemplate } from '../../core/queues/queues';
import { MAIL_SUBJECTS, templateVariables } from './mail-templates';

export interface RenderedMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

type Compiled = (context: object) => string;

/** Copied next to the compiled code by nest-cli.json `assets`. */
const TEMPLATES_DIR = join(__dirname, 'templates');

/**
 * Renders an e-mail from its Handlebars templates: HTML (every value escaped) and a plain-text
 * alternative, both inside the base layout. Templates are compiled once, at start-up, in strict
 * mode, so a missing variable is an error rather than a blank in someone's inbox.
 */
@Injectable()
export class MailRenderer {
  private readonly html = compileAll('html', false);
  private readonly text = compileAll('text', true);

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  render(mail: MailJob): RenderedMail {
    const subject = MAIL_SUBJECTS[mail.template];
    const context = {
      subject,
      email: mail.to,
      year: new Date().getUTCFullYear(),
      ...templateVariables(mail, this.config.appUrl),
    };
    return {
      to: mail.to,
      subject,
      html: this.html[mail.template](context),
      text: this.text[mail.template](context),
    };
  }
}

function compileAll(kind: 'html' | 'text', noEscape: boolean): Record<MailTemplate, Compiled> {
  const handlebars = Handlebars.create();
  const read = (name: string): string => readFileSync(join(TEMPLATES_DIR, `${name}.${kind}.hbs`), 'utf8');
  handlebars.registerPartial('layout', read('layout'));
  const compiled = {} as Record<MailTemplate, Compiled>;
  for (const name of Object.keys(MAIL_SUBJECTS) as MailTemplate[]) {
    compiled[name] = handlebars.compile(read(name), { strict: true, noEscape });
  }
  return compiled;
}
