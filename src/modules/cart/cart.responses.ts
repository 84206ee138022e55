import type { CartItemRow } from './cart.repository';

export interface CartItemResponse {
  movie_uuid: string;
  cart_id: number;
  movie_name: string;
  added_at: Date;
}

/** The reference's `BaseCartSchema`. */
export interface CartResponse {
  cart_items: CartItemResponse[];
}

export interface MessageResponse {
  message: string;
}

export function toCartResponse(items: CartItemRow[]): CartResponse {
  return {
    cart_items: items.map((item) => ({ movie_uuid: item.movieUuid, cart_id: item.cartId, movie_name: item.movieName, added_at: item.addedAt })),
  };
}
