import { Controller, Get, Headers, HttpCode, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth, Public } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { CheckoutService } from './checkout.service';
import { PaymentResultQueryDto } from './dto/payment-result-query.dto';
import { PAYMENTS_MESSAGES } from './payments.messages';
import { PaymentsService } from './payments.service';
import { WebhookService } from './webhook.service';
import { RawBodyOnly } from '../../common/http/raw-body.decorator';

/** Checkout, the pages Stripe returns to, the webhook and the caller's payments (reference 7.6-7.9). */
@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhookService,
  ) {}

  @Auth()
  @Post('checkout-session')
  @HttpCode(200)
  createCheckoutSession(@CurrentUser() user: AuthenticatedUser) {
    return this.checkout.createSession(user);
  }

  @Public()
  @Get('success')
  success(@Query() query: PaymentResultQueryDto) {
    return this.payments.success(query.session_id);
  }

  @Public()
  @Get('cancel')
  cancel(): { message: string } {
    return { message: PAYMENTS_MESSAGES.paymentCancelled };
  }

  /** Stripe-signed; the signature covers the raw bytes, so they are what is verified. */
  @Public()
  @Post('webhook')
  @RawBodyOnly()
  @HttpCode(200)
  webhook(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string | undefined) {
    return this.webhooks.handle(rawBodyOf(request), signature);
  }

  @Auth()
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PaginationQueryDto, @RequestUrl() url: string) {
    return this.payments.list(user.id, query, url);
  }
}

/** The bytes as received: JSON bodies keep them in `rawBody`; other types arrive as text. */
function rawBodyOf(request: RawBodyRequest<FastifyRequest>): Buffer {
  if (request.rawBody) return request.rawBody;
  return typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.alloc(0);
}
