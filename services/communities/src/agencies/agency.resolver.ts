import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver, type RequestContext, Sector } from '@pb/kit';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { registrationsOfUnit } from '../dual-registrations/dual-registration.loader.js';
import { Agency } from './agency.entity.js';
import { AgencyListArgs, checkAgency, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs.js';

/** agencies / agency / createAgency / updateAgency / deleteAgency. */
@Resolver(() => Agency)
export class AgencyResolver extends crudResolver({
  sector: 'communities',
  entity: Agency,
  typeName: 'Agency',
  listName: 'agencies',
  createInput: CreateAgencyInput,
  updateInput: UpdateAgencyInput,
  listArgs: AgencyListArgs,
  check: checkAgency,
  filter: (qb, args) => {
    if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
  },
}) {
  @FieldResolver(() => Sector, { description: 'Always AGENCY' })
  sector(): Sector {
    return Sector.AGENCY;
  }

  @FieldResolver(() => [DualRegistration], { description: 'Its party organisation\'s registrations with communities (双报到)' })
  dualRegistrations(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<DualRegistration[]> {
    return registrationsOfUnit(ctx, Sector.AGENCY).load(agency.id);
  }
}
