import type { BatchStats } from '@pb/kit';
import { freeClinicFigures } from '../free-clinics/free-clinic.stats.js';
import { branchFigures } from '../party-branches/party-branch.stats.js';
import { wardRoundFigures } from '../ward-rounds/ward-round.stats.js';
import { healthStationFigures } from '../health-stations/health-station.stats.js';
import { elderCareFigures } from '../elder-care/elder-care.stats.js';
import { hospitalFigures } from './hospital-figures.stats.js';
import type { HospitalStats } from './hospital-stats.type.js';

/** Each domain computes its own figures (one statement each, for every requested region). */
const PARTS: BatchStats<Partial<HospitalStats>>[] = [hospitalFigures, branchFigures, freeClinicFigures, wardRoundFigures, healthStationFigures, elderCareFigures];

export const computeHospitalStats: BatchStats<HospitalStats> = async (ctx, codes, period) => {
  const parts = await Promise.all(PARTS.map((part) => part(ctx, codes, period)));
  return new Map(codes.map((code) => [code, Object.assign({}, ...parts.map((p) => p.get(code))) as HospitalStats]));
};
