import { ActivationToken } from '../../modules/accounts/entities/activation-token.entity';
import { PasswordResetToken } from '../../modules/accounts/entities/password-reset-token.entity';
import { RefreshToken } from '../../modules/accounts/entities/refresh-token.entity';
import { User } from '../../modules/accounts/entities/user.entity';
import { UserGroup } from '../../modules/accounts/entities/user-group.entity';
import { Cart } from '../../modules/cart/entities/cart.entity';
import { CartItem } from '../../modules/cart/entities/cart-item.entity';
import { Certification } from '../../modules/catalog/entities/certification.entity';
import { Director } from '../../modules/catalog/entities/director.entity';
import { Genre } from '../../modules/catalog/entities/genre.entity';
import { Movie } from '../../modules/catalog/entities/movie.entity';
import { Star } from '../../modules/catalog/entities/star.entity';
import { Comment } from '../../modules/engagement/entities/comment.entity';
import { CommentLike } from '../../modules/engagement/entities/comment-like.entity';
import { Favorite } from '../../modules/engagement/entities/favorite.entity';
import { MovieRating } from '../../modules/engagement/entities/movie-rating.entity';
import { MovieReaction } from '../../modules/engagement/entities/movie-reaction.entity';
import { MovieStats } from '../../modules/engagement/entities/movie-stats.entity';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import { Order } from '../../modules/orders/entities/order.entity';
import { OrderItem } from '../../modules/orders/entities/order-item.entity';
import { Purchase } from '../../modules/orders/entities/purchase.entity';
import { CheckoutSession } from '../../modules/payments/entities/checkout-session.entity';
import { Payment } from '../../modules/payments/entities/payment.entity';
import { PaymentEvent } from '../../modules/payments/entities/payment-event.entity';
import { PaymentItem } from '../../modules/payments/entities/payment-item.entity';
import { Refund } from '../../modules/payments/entities/refund.entity';
import { UserProfile } from '../../modules/profiles/entities/user-profile.entity';
import { OutboxMessage } from '../outbox/outbox.entity';

/**
 * Every TypeORM entity of the service, in one explicit list (see data-source-options.ts).
 * The junction tables `movies_genres`, `movies_stars` and `movies_directors` come from the
 * many-to-many relations of `Movie`.
 */
export const ENTITIES: Function[] = [
  UserGroup,
  User,
  UserProfile,
  ActivationToken,
  PasswordResetToken,
  RefreshToken,
  Genre,
  Star,
  Director,
  Certification,
  Movie,
  Cart,
  CartItem,
  Order,
  OrderItem,
  Purchase,
  Payment,
  PaymentItem,
  CheckoutSession,
  PaymentEvent,
  Refund,
  MovieReaction,
  MovieRating,
  MovieStats,
  Favorite,
  Comment,
  CommentLike,
  Notification,
  OutboxMessage,
];
