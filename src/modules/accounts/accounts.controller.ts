import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules';
import type { AccountResponse, LoginResponse, MessageResponse, RefreshResponse, RegisteredUserResponse } from './accounts.responses';
import { AccountsService } from './accounts.service';
import { BearerHeaderGuard, BearerToken, OptionalBearerHeaderGuard } from './bearer-token.guard';
import { ActivateAccountQuery } from './dto/activate-account.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CredentialsDto } from './dto/credentials.dto';
import { EmailDto } from './dto/email.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordsService } from './passwords.service';
import { RegistrationService } from './registration.service';
import { RESET_PASSWORD_PAGE, RESET_PASSWORD_PAGE_HEADERS } from './reset-password-page';
import { SessionsService } from './sessions.service';

/** The reference's `/accounts` routes (its section 3) and `GET /accounts/me/` (CONTRACT.md C5). */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @RateLimit(RATE_LIMITS.registerPerIp)
  @Post('register')
  register(@Body() body: CredentialsDto): Promise<RegisteredUserResponse> {
    return this.registration.register(body);
  }

  @Public()
  @RateLimit(RATE_LIMITS.resendPerIp, RATE_LIMITS.resendPerAccount)
  @Post('resend-activation')
  @HttpCode(200)
  resendActivation(@Body() body: EmailDto): Promise<MessageResponse> {
    return this.registration.resendActivation(body.email);
  }

  /** The link in the activation e-mail. */
  @Public()
  @Get('activate')
  activate(@Query() query: ActivateAccountQuery): Promise<MessageResponse> {
    return this.registration.activate(query.email, query.token);
  }

  @Public()
  @RateLimit(RATE_LIMITS.loginPerIp, RATE_LIMITS.loginPerAccount)
  @Post('login')
  @HttpCode(200)
  login(@Body() body: CredentialsDto): Promise<LoginResponse> {
    return this.sessions.login(body);
  }

  /** Needs the access token in `Authorization`, checked as the reference does (3.5), not by the guard. */
  @Public()
  @UseGuards(BearerHeaderGuard)
  @Post('logout')
  @HttpCode(200)
  logout(@BearerToken() accessToken: string, @Body() body: RefreshTokenDto): Promise<MessageResponse> {
    return this.sessions.logout(accessToken, body.refresh_token);
  }

  /** The refresh token alone is enough; an access token, if sent, must be the same user's. */
  @Public()
  @RateLimit(RATE_LIMITS.refreshPerIp)
  @UseGuards(OptionalBearerHeaderGuard)
  @Post('refresh')
  @HttpCode(200)
  refresh(@BearerToken() accessToken: string | null, @Body() body: RefreshTokenDto): Promise<RefreshResponse> {
    return this.sessions.refresh(body.refresh_token, accessToken);
  }

  @Auth()
  @RateLimit(RATE_LIMITS.changePasswordPerUser)
  @Post('change-password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<MessageResponse> {
    return this.passwords.changePassword(user.id, body);
  }

  @Public()
  @RateLimit(RATE_LIMITS.resetPerIp, RATE_LIMITS.resetPerAccount)
  @Post('reset-password/request')
  @HttpCode(200)
  requestPasswordReset(@Body() body: EmailDto): Promise<MessageResponse> {
    return this.passwords.requestReset(body.email);
  }

  /** The page the reset e-mail links to; its form posts to the route below. */
  @Public()
  @Get('reset-password/complete')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', RESET_PASSWORD_PAGE_HEADERS['Content-Security-Policy'])
  @Header('Referrer-Policy', RESET_PASSWORD_PAGE_HEADERS['Referrer-Policy'])
  @Header('Cache-Control', RESET_PASSWORD_PAGE_HEADERS['Cache-Control'])
  resetPasswordPage(): string {
    return RESET_PASSWORD_PAGE;
  }

  @Public()
  @RateLimit(RATE_LIMITS.resetCompletePerIp)
  @Post('reset-password/complete')
  @HttpCode(200)
  completePasswordReset(@Body() body: ResetPasswordDto): Promise<MessageResponse> {
    return this.passwords.completeReset(body);
  }

  @Auth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<AccountResponse> {
    return this.accounts.me(user.id);
  }
}
