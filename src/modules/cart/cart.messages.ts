/** The cart messages, exactly as the reference sends them (its sections 6 and 8.4). */
export const CART_MESSAGES = {
  cartNotFound: 'Cart not found.',
  movieNotFound: 'Movie with given UUID was not found.',
  alreadyPurchased: 'Movie already purchased.',
  inPendingOrder: 'Movie is currently in the order in the pending status.',
  alreadyInCart: 'Movie already in cart.',
  added: 'Movie has been added to cart successfully.',
  notInCart: 'Movie not found in cart.',
  removed: 'Movie removed from cart.',
  cleared: 'All movies removed from cart.',
  userNotFound: 'User with given ID was not found.',
} as const;
