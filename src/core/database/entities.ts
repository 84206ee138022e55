import { User } from '../../modules/accounts/entities/user.entity';
import { UserGroup } from '../../modules/accounts/entities/user-group.entity';

/**
 * Every TypeORM entity of the service, in one explicit list (see data-source-options.ts).
 */
export const ENTITIES: Function[] = [UserGroup, User];
