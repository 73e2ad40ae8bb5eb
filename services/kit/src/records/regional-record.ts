import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Where a record comes from (DOMAIN §7): entered through the API, or the reference dataset. */
export enum RecordSource {
  USER = 'USER',
  ARTICLE = 'ARTICLE',
  FILLER = 'FILLER',
}
registerEnumType(RecordSource, {
  name: 'RecordSource',
  description:
    'USER: entered through the API; ARTICLE: a unit, person or event named in a source article; FILLER: a placeholder of the reference dataset, added only so that an article\'s total comes out exactly',
});

/**
 * What every record of every subgraph has: a stable opaque id, the division it belongs to
 * (the roll-up key), and change timestamps for incremental sync.
 */
@ObjectType({ description: 'Base of every record; not itself in the schema' })
export abstract class RegionalRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Division code where the record is (行政区划代码), canonical form' })
  @Column({ name: 'region_code', type: 'text', collation: 'C' })
  regionCode: string;

  @Field(() => RecordSource, { description: 'Where the record comes from; reference-dataset fillers are FILLER' })
  @Column({ type: 'text', default: RecordSource.USER })
  source: RecordSource;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Column definitions of RegionalRecord, for the CREATE TABLE of a migration. */
export const REGIONAL_RECORD_COLUMNS_SQL = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** The provenance column: add it to every CREATE TABLE after REGIONAL_RECORD_COLUMNS_SQL. */
export const RECORD_SOURCE_COLUMN_SQL = `source text NOT NULL DEFAULT 'USER' CHECK (source IN ('USER', 'ARTICLE', 'FILLER'))`;

/** For the migration that gave tables created before it their provenance column. */
export const addRecordSourceSql = (table: string): string => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${RECORD_SOURCE_COLUMN_SQL}`;

/** The indexes every record table needs: region-prefix roll-ups and incremental sync. */
export const regionalRecordIndexesSql = (table: string): string[] => [
  `CREATE INDEX ${table}_region_code_idx ON ${table} (region_code)`,
  `CREATE INDEX ${table}_updated_at_idx ON ${table} (updated_at)`,
];

/**
 * `CHECK (col IN ('A','B'))`, so the database agrees with the schema's enum. Migrations list
 * the values literally: a migration must keep meaning what it meant when it first ran.
 */
export const enumCheckSql = (column: string, values: readonly string[]): string =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
