import noLeakedSubscription from './no-leaked-subscription';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-leaked-subscription': noLeakedSubscription,
};
