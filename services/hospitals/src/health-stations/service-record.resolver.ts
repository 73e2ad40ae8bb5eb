import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { StationServiceRecord } from './service-record.entity.js';
import {
  checkServiceRecord,
  CreateStationServiceRecordInput,
  placeServiceRecord,
  StationServiceRecordListArgs,
  UpdateStationServiceRecordInput,
} from './service-record.inputs.js';

@Resolver(() => StationServiceRecord)
export class StationServiceRecordResolver extends crudResolver({
  sector: 'hospitals',
  entity: StationServiceRecord,
  typeName: 'StationServiceRecord',
  listName: 'stationServiceRecords',
  createInput: CreateStationServiceRecordInput,
  updateInput: UpdateStationServiceRecordInput,
  listArgs: StationServiceRecordListArgs,
  check: checkServiceRecord,
  place: placeServiceRecord,
  filter: (qb, args) => {
    if (args.stationId) qb.andWhere('r.station_id = :stationId', { stationId: args.stationId });
    if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
  },
}) {}
