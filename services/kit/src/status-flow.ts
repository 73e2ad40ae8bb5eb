import { badInput } from './errors/errors.js';

/**
 * A status machine in one place: which status may follow which. `assert` throws
 * BAD_USER_INPUT naming the field for any other move (e.g. a demand COLLECTED → FEEDBACK).
 */
export class StatusFlow<S extends string> {
  constructor(
    private readonly name: string,
    private readonly next: Record<S, readonly S[]>,
  ) {}

  allows(from: S, to: S): boolean {
    return from === to || this.next[from].includes(to);
  }

  assert(from: S, to: S, field: string): void {
    if (!this.allows(from, to)) {
      const options = this.next[from].length ? this.next[from].join(' or ') : 'nothing (it is final)';
      throw badInput(field, `a ${this.name} cannot go from ${from} to ${to}; from ${from} it can go to ${options}`);
    }
  }
}
