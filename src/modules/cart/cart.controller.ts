import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import type { CartResponse, MessageResponse } from './cart.responses';
import { CartService } from './cart.service';
import { AddToCartDto } from './dto/add-to-cart.dto';

/** The caller's cart (reference section 6). */
@ApiTags('cart')
@Auth()
@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  get(@CurrentUser() user: AuthenticatedUser): Promise<CartResponse> {
    return this.cart.get(user.id);
  }

  @Post('add')
  @HttpCode(200)
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddToCartDto): Promise<MessageResponse> {
    return this.cart.add(user.id, body.movie_uuid);
  }

  @Delete('items/:movie_uuid')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', new RulePipe(Rules.uuid())) movieUuid: string): Promise<MessageResponse> {
    return this.cart.remove(user.id, movieUuid);
  }

  @Delete('items')
  clear(@CurrentUser() user: AuthenticatedUser): Promise<MessageResponse> {
    return this.cart.clear(user.id);
  }
}
