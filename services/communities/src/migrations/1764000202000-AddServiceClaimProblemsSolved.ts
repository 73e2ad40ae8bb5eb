import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Difficulties solved (解决实际困难) by a claim: the figure sources report beside the claims. */
export class AddServiceClaimProblemsSolved1764000202000 implements MigrationInterface {
  name = 'AddServiceClaimProblemsSolved1764000202000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_claim ADD COLUMN problems_solved integer NOT NULL DEFAULT 0 CHECK (problems_solved >= 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_claim DROP COLUMN problems_solved');
  }
}
