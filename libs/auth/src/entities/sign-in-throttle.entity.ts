import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted in fixed windows, in PostgreSQL so every server process shares them. `key` is the
 * SHA-256 of what is counted (an account and address pair, an address, or an account), so the table never
 * holds the e-mail addresses people typed.
 */
@Entity({ name: 'sign_in_throttles' })
@Index('sign_in_throttles_window_ends_at_idx', ['windowEndsAt'])
export class SignInThrottle {
  @PrimaryColumn({ type: 'char', length: 64 })
  key!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;
}
