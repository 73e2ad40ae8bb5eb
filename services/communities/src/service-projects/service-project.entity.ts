import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Service project (项目清单): a demand (需求清单) matched to resources (资源清单) and carried out' })
@Entity({ name: 'service_project' })
export class ServiceProject extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => ID, { description: 'The demand it answers, of the same community' })
  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @Field(() => [ID], { description: 'Resources matched to it, of the same community' })
  @Column({ name: 'resource_ids', type: 'uuid', array: true })
  resourceIds: string[];

  @Field({ description: 'Project name (项目)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => DateScalar, { description: 'Started on (立项)' })
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Completed on (完成)' })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;
}
