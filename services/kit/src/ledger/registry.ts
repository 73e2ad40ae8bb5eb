import type { ClassType } from 'type-graphql';
import type { RegionalRecord } from '../records/regional-record.js';
import type { RegionInput, WriteConfig } from '../records/write.js';

/**
 * A parent a ledger row may name by its name and region (as a ledger does) instead of its id:
 * the input field `field` (e.g. `hospitalId`) is then filled from the columns `<base>Name` and
 * `<base>RegionCode` (`hospitalName`, `hospitalRegionCode`).
 */
export interface LedgerParent {
  field: string;
  entity: ClassType<RegionalRecord & { name: string }>;
  /** Chinese term for the parent, e.g. 医院: headers 医院名称 / 医院地区代码. */
  term: string;
}

export interface LedgerOptions {
  parents?: LedgerParent[];
  /**
   * The field naming the unit a record's 台账编号 is unique under (e.g. `hospitalId`); null for
   * "its region". Default: the first parent above, else the create input's first required ID
   * field, else the region (a unit type itself: Hospital, Community, School, Enterprise).
   */
  owner?: string | null;
}

/** What the ledger import needs of a record type: its write path and its create input. */
export interface LedgerType {
  cfg: WriteConfig<RegionalRecord, RegionInput> & { createInput: ClassType<object>; ledger?: LedgerOptions };
}

const types = new Map<string, LedgerType>();

/** `FreeClinic`, `free-clinic`, `free_clinic` and `freeclinic` name the same type. */
export const normalizeTypeName = (name: string): string => name.replace(/[-_\s]/g, '').toLowerCase();

/** Called by `crudResolver`: every record type with a create mutation can be imported. */
export function registerLedgerType<E extends RegionalRecord, C extends RegionInput>(
  cfg: WriteConfig<E, C> & { createInput: ClassType<C>; ledger?: LedgerOptions },
): void {
  types.set(normalizeTypeName(cfg.typeName), { cfg: cfg as unknown as LedgerType['cfg'] });
}

export const ledgerType = (name: string): LedgerType | undefined => types.get(normalizeTypeName(name));
export const ledgerTypeNames = (): string[] => [...types.values()].map((t) => t.cfg.typeName).sort();
