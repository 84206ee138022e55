import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import type { CartResponse } from './cart.responses';
import { CartService } from './cart.service';

/** Any user's cart, for admins (reference 8.4). */
@ApiTags('admin')
@Auth(UserGroupName.Admin)
@Controller('admin/carts')
export class AdminCartsController {
  constructor(private readonly cart: CartService) {}

  @Get(':user_id')
  view(@Param('user_id', new RulePipe(Rules.int())) userId: number): Promise<CartResponse> {
    return this.cart.adminView(userId);
  }
}
