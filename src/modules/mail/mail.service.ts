import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service';
import { JobName, type MailJob, type PaymentSuccessItem } from '../../core/queues/queues';

export interface PaymentSuccessMail {
  orderId: number;
  /** Money as the database gives it, e.g. `"19.98"`. */
  amount: string;
  date: Date;
  paymentId: number;
  items: PaymentSuccessItem[];
}

export interface CommentReplyMail {
  /** The replier's display name (never an e-mail address). */
  actorName: string;
  movieName: string;
  commentText: string;
  replyText: string;
}

export interface CommentLikeMail {
  /** The liker's display name (never an e-mail address). */
  actorName: string;
  movieName: string;
  commentText: string;
}

export interface PaymentRefundMail {
  orderId: number;
  /** Money as the database gives it, e.g. `"19.98"`. */
  amount: string;
  date: Date;
  refundId: number;
}

/**
 * Queues the service's e-mails. Every method writes an outbox row with `manager`, so call it
 * inside the transaction of the change the e-mail reports: the mail goes out (through the
 * worker) only if that transaction commits. Tokens are the plain secrets the user must receive.
 */
@Injectable()
export class MailService {
  constructor(private readonly outbox: OutboxService) {}

  sendActivation(manager: EntityManager, to: string, token: string): Promise<void> {
    return this.queue(manager, { template: 'activation', to, token });
  }

  sendActivationConfirmation(manager: EntityManager, to: string): Promise<void> {
    return this.queue(manager, { template: 'activation-confirmation', to });
  }

  sendPasswordResetRequest(manager: EntityManager, to: string, token: string): Promise<void> {
    return this.queue(manager, { template: 'password-reset-request', to, token });
  }

  sendPasswordResetCompletion(manager: EntityManager, to: string): Promise<void> {
    return this.queue(manager, { template: 'password-reset-completion', to });
  }

  sendPaymentSuccess(manager: EntityManager, to: string, payment: PaymentSuccessMail): Promise<void> {
    return this.queue(manager, { template: 'payment-success', to, ...payment, date: payment.date.toISOString() });
  }

  sendPaymentRefund(manager: EntityManager, to: string, refund: PaymentRefundMail): Promise<void> {
    return this.queue(manager, { template: 'payment-refund', to, ...refund, date: refund.date.toISOString() });
  }

  sendCommentReply(manager: EntityManager, to: string, reply: CommentReplyMail): Promise<void> {
    return this.queue(manager, { template: 'comment-reply', to, ...reply });
  }

  sendCommentLike(manager: EntityManager, to: string, like: CommentLikeMail): Promise<void> {
    return this.queue(manager, { template: 'comment-like', to, ...like });
  }

  private async queue(manager: EntityManager, mail: MailJob): Promise<void> {
    await this.outbox.add(manager, { type: JobName.SendMail, payload: mail });
  }
}
