import noLeakedSubscription from './no-leaked-subscription';
import noRepeatedSubscription from './no-repeated-subscription';
import noUnboundedLoop from './no-unbounded-loop';
import requireSignalPropagation from './require-signal-propagation';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-leaked-subscription': noLeakedSubscription,
  'no-repeated-subscription': noRepeatedSubscription,
  'no-unbounded-loop': noUnboundedLoop,
  'require-signal-propagation': requireSignalPropagation,
};
