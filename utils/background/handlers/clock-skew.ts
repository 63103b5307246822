import type { Handlers } from '../router';
import type { Services } from '../services';

export function clockSkewHandlers(services: Services): Pick<Handlers, 'getClockSkew'> {
  return {
    /** What each region's server clock taught us about ours, in whole seconds. */
    async getClockSkew() {
      const offsets = services.skew.snapshot();
      const seconds: Partial<Record<'na' | 'eu' | 'jp', number>> = {};
      for (const [region, ms] of Object.entries(offsets)) seconds[region as 'na'] = Math.round((ms ?? 0) / 1000);
      return { seconds };
    },
  };
}
