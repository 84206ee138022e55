import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'genres' })
// Names are stored as given and unique case-insensitively (CONTRACT.md B15), so get-or-create
// can use `INSERT ... ON CONFLICT (lower(name))`. Created by the migration.
@Index('ux_genres_name_lower', { synchronize: false })
export class Genre {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
