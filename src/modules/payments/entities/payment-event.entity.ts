import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every webhook event we processed, written in the transaction of its effects: a redelivered or
 * concurrently delivered event finds its id taken and changes nothing (CONTRACT.md C.6).
 */
@Entity({ name: 'payment_events' })
export class PaymentEvent {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  eventId: string;

  @Column({ type: 'varchar', length: 255 })
  type: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
