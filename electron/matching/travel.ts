import type { Mobility } from '../../shared/domain';

/**
 * Travel time, when a candidate gave minutes rather than kilometres: an estimate from the
 * distance as the crow flies, never a route. Roads wind: ROAD_FACTOR turns the straight line
 * into a road distance (about 1.3 in France). Each way of travelling has a speed and a fixed
 * time on top (parking; walking to the stop and waiting). Anyone can walk a short way, so the
 * estimate is the quicker of the person's own way and walking.
 */
export const TRAVEL_MODES = ['car', 'public_transport', 'bicycle', 'walking'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const ROAD_FACTOR = 1.3;
export const SPEED_KMH: Record<TravelMode, number> = { car: 40, public_transport: 20, bicycle: 15, walking: 4.5 };
export const FIXED_MINUTES: Record<TravelMode, number> = { car: 5, public_transport: 10, bicycle: 2, walking: 0 };

/** A car for those who may drive one they have; a bicycle for cyclists; public transport for everyone else. */
export function travelModeOf(mobility: Mobility | null): TravelMode {
  if (mobility === 'licence_and_vehicle') return 'car';
  if (mobility === 'bicycle') return 'bicycle';
  return 'public_transport';
}

/** Estimated minutes door to door for a distance as the crow flies, and the way of travelling that gives them. */
export function estimateTravel(km: number, mobility: Mobility | null): { minutes: number; mode: TravelMode } {
  const own = travelModeOf(mobility);
  const mode = minutesBy(km, 'walking') < minutesBy(km, own) ? 'walking' : own;
  return { minutes: Math.round(minutesBy(km, mode)), mode };
}

/** Door-to-door minutes for a distance as the crow flies, one way of travelling. */
function minutesBy(km: number, mode: TravelMode): number {
  return FIXED_MINUTES[mode] + ((km * ROAD_FACTOR) / SPEED_KMH[mode]) * 60;
}
