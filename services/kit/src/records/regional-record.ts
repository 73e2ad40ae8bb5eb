import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

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

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
