import { Module } from '@nestjs/common';
import { AdminCartsController } from './admin-carts.controller';
import { CartController } from './cart.controller';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';

/** The cart routes and the admin cart view; exports the repository order creation reads. */
@Module({
  controllers: [CartController, AdminCartsController],
  providers: [CartService, CartRepository],
  exports: [CartRepository],
})
export class CartModule {}
