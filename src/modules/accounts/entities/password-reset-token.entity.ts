import { Entity } from 'typeorm';
import { SingleUseToken } from './single-use-token';

@Entity({ name: 'password_reset_tokens' })
export class PasswordResetToken extends SingleUseToken {}
