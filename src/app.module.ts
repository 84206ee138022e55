import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './common/auth/auth.guard';
import { AuthModule } from './common/auth/auth.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { CoreModule } from './core/core.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { CartModule } from './modules/cart/cart.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { EngagementModule } from './modules/engagement/engagement.module';
import { CommentsModule } from './modules/engagement/comments/comments.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrdersModule } from './modules/orders/orders.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { ProfilesModule } from './modules/profiles/profiles.module';

/** The API process: core services, the HTTP foundation and the feature modules (no processors). */
@Module({
  imports: [CoreModule, AuthModule, RateLimitModule, HealthModule, AccountsModule, CatalogModule, ProfilesModule, CartModule, OrdersModule, PaymentsModule, EngagementModule, CommentsModule, NotificationsModule],
  // Every route is authenticated unless it says @Public() (CONTRACT.md A, reference 1.7).
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AppModule {}
