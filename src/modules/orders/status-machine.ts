import { ConflictException } from '@nestjs/common';

/** Which statuses each status may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** The 409 message for a refused move, by target status, then current status. */
export type RefusalMessages<S extends string> = Readonly<Partial<Record<S, Readonly<Partial<Record<S, string>>>>>>;

/**
 * A status machine (STYLE.md "Status changes"): every status change of an aggregate is checked
 * against its one transition table, and a refused change is a 409 with the message the
 * reference uses for it.
 */
export class StatusMachine<S extends string> {
  constructor(
    private readonly subject: string,
    private readonly table: TransitionTable<S>,
    private readonly refusals: RefusalMessages<S> = {} as RefusalMessages<S>,
  ) {}

  can(from: S, to: S): boolean {
    return this.table[from].includes(to);
  }

  /** Throws the 409 for a move the table does not allow. */
  assert(from: S, to: S): void {
    if (this.can(from, to)) return;
    const message = this.refusals[to]?.[from] ?? `${this.subject} cannot change from ${from.toLowerCase()} to ${to.toLowerCase()}.`;
    throw new ConflictException(message);
  }
}
