import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'certifications' })
// Unique case-insensitively (CONTRACT.md B15, B16); created by the migration.
@Index('ux_certifications_name_lower', { synchronize: false })
export class Certification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
