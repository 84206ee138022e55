import { Controller, Get, HttpCode, Param, Post, Redirect, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../common/auth/auth.decorators';
import { SIMULATOR_PAGE_HEADERS } from './simulator-page';
import { SimulatorService } from './simulator.service';

/** The local payment simulator's hosted checkout page (CONTRACT.md C.7); 404 with Stripe configured. */
@ApiExcludeController()
@Public()
@Controller('payments/simulator/checkout')
export class SimulatorController {
  constructor(private readonly simulator: SimulatorService) {}

  /** HTML only once the page exists: an error keeps the JSON `{"detail"}` answer. */
  @Get(':session_id')
  async page(@Param('session_id') sessionId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const html = await this.simulator.page(sessionId);
    reply.type('text/html; charset=utf-8').headers(SIMULATOR_PAGE_HEADERS);
    return html;
  }

  @Post(':session_id/pay')
  @HttpCode(303)
  @Redirect()
  pay(@Param('session_id') sessionId: string): Promise<{ url: string; statusCode: number }> {
    return this.simulator.pay(sessionId);
  }
}
