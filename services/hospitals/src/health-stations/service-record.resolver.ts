import { Resolver } from 'type-graphql';
import { BATCH_MAX, crudResolver } from '@pb/kit';
import { HealthStation } from './health-station.entity.js';
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
  batchMax: BATCH_MAX,
  ledger: { parents: [{ field: 'stationId', entity: HealthStation, term: '服务站' }] },
  // One record per station, day and kind: a second one would count the same services twice.
  unique: { fields: ['stationId', 'servedOn', 'kind'], field: 'kind', what: 'a service record of this station, day and kind (驿站服务记录)' },
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
