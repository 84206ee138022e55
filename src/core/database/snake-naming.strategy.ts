import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

function snake(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Maps camelCase properties to the reference's snake_case columns (`isActive` -> `is_active`,
 * `groupId` -> `group_id`). Table names are always given explicitly on the entities.
 *
 * Constraints get the names PostgreSQL itself (and so the reference's database) gives them
 * (`users_pkey`, `users_group_id_fkey`, `carts_user_id_key`) and indexes SQLAlchemy's
 * (`ix_users_email`) instead of TypeORM's hashes: readable in migrations and in errors, and
 * stable, so code can tell which unique constraint a conflict hit.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `${this.bareTableName(tableOrName)}_pkey`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `${this.bareTableName(tableOrName)}_${columnNames.join('_')}_key`;
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return this.uniqueConstraintName(tableOrName, columnNames);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `${this.bareTableName(tableOrName)}_${columnNames.join('_')}_fkey`;
  }

  override indexName(tableOrName: Table | string, columnNames: string[]): string {
    return `ix_${this.bareTableName(tableOrName)}_${columnNames.join('_')}`;
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }

  private bareTableName(tableOrName: Table | string): string {
    return this.getTableName(tableOrName).split('.').pop() as string;
  }
}
