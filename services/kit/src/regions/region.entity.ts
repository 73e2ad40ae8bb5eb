import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../auth/read-access.js';
import { RegionLevel } from './codes.js';

registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'Administrative level (行政区划级别)' });

/**
 * An administrative division (行政区划), from the national division codes. Every subgraph holds
 * the same table and resolves the same fields, so the type is shareable; each subgraph adds its
 * sector's statistics to it.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Administrative division (行政区划). Records roll up to every region whose code prefixes theirs.' })
@Entity({ name: 'region' })
export class Region {
  @Public()
  @Field(() => ID, { description: 'Canonical unpadded code: 61, 6105, 610581, 610581002, 610581002004' })
  @PrimaryColumn({ type: 'text', collation: 'C' })
  code: string;

  @Directive('@shareable')
  @Public()
  @Field({ description: 'Official name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Directive('@shareable')
  @Public()
  @Field(() => RegionLevel)
  @Column({ type: 'text' })
  level: RegionLevel;

  @Index()
  @Column({ name: 'parent_code', type: 'text', collation: 'C', nullable: true })
  parentCode: string | null;
}
