import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'directors' })
// Both created by the migration: case-insensitive uniqueness (CONTRACT.md B15) and a pg_trgm
// index for the `ILIKE '%term%'` catalog search.
@Index('ux_directors_name_lower', { synchronize: false })
@Index('ix_directors_name_trgm', { synchronize: false })
export class Director {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
