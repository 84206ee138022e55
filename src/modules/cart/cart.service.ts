import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { CART_MESSAGES } from './cart.messages';
import { CartRepository } from './cart.repository';
import { type CartResponse, type MessageResponse, toCartResponse } from './cart.responses';

/** The cart rules of the reference (its section 6), checks in its order. */
@Injectable()
export class CartService {
  constructor(private readonly carts: CartRepository) {}

  /** A user without a cart (only registration makes one) has an empty cart. */
  async get(userId: number): Promise<CartResponse> {
    const cartId = await this.carts.findCartId(userId);
    return toCartResponse(cartId === null ? [] : await this.carts.items(cartId));
  }

  /** 404 unknown user; otherwise as `get`, for an admin (reference 8.4). */
  async adminView(userId: number): Promise<CartResponse> {
    if (!(await this.carts.userExists(userId))) throw new NotFoundException(CART_MESSAGES.userNotFound);
    return this.get(userId);
  }

  /**
   * 404 no cart or no movie, 400 already bought or in a pending order, 409 already in the cart
   * (also when a concurrent add of the same movie wins the race).
   */
  async add(userId: number, movieUuid: string): Promise<MessageResponse> {
    const cartId = await this.requireCart(userId);
    const movie = await this.carts.findMovie(movieUuid);
    if (!movie) throw new NotFoundException(CART_MESSAGES.movieNotFound);
    if (await this.carts.hasPurchased(userId, movie.id)) throw new BadRequestException(CART_MESSAGES.alreadyPurchased);
    if (await this.carts.isInPendingOrder(userId, movie.id)) throw new BadRequestException(CART_MESSAGES.inPendingOrder);
    if (await this.carts.isInCart(cartId, movie.id)) throw new ConflictException(CART_MESSAGES.alreadyInCart);
    try {
      await this.carts.addItem(cartId, movie.id);
    } catch (error) {
      if (isUniqueViolation(error, ['unique_cart_movies_ids'])) throw new ConflictException(CART_MESSAGES.alreadyInCart);
      throw error;
    }
    return { message: CART_MESSAGES.added };
  }

  async remove(userId: number, movieUuid: string): Promise<MessageResponse> {
    const cartId = await this.requireCart(userId);
    const movie = await this.carts.findMovie(movieUuid);
    if (!movie || !(await this.carts.removeItem(cartId, movie.id))) throw new NotFoundException(CART_MESSAGES.notInCart);
    return { message: CART_MESSAGES.removed };
  }

  async clear(userId: number): Promise<MessageResponse> {
    await this.carts.clear(await this.requireCart(userId));
    return { message: CART_MESSAGES.cleared };
  }

  private async requireCart(userId: number): Promise<number> {
    const cartId = await this.carts.findCartId(userId);
    if (cartId === null) throw new NotFoundException(CART_MESSAGES.cartNotFound);
    return cartId;
  }
}
