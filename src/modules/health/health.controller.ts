import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import { HEALTH_MESSAGES } from './health.messages';
import { HealthService, type Readiness } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers HTTP; nothing else is checked. */
  @Public()
  @Get('live')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis answer. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ schema: { example: { status: 'ok', checks: { database: 'ok', redis: 'ok' } } } })
  @ApiServiceUnavailableResponse({
    schema: { example: { detail: HEALTH_MESSAGES.notReady, checks: { database: 'ok', redis: 'unavailable' } } },
  })
  ready(): Promise<Readiness> {
    return this.health.readiness();
  }
}
