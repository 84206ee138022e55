import { Entity } from 'typeorm';
import { SingleUseToken } from './single-use-token';

@Entity({ name: 'activation_tokens' })
export class ActivationToken extends SingleUseToken {}
