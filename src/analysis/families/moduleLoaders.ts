import type { Family } from './family';

/**
 * Functions that load a package by name at run time, so that what they return is that package,
 * as if required: NestJS loads its transports' optional packages this way, and Node's
 * `createRequire` makes a `require` of its own.
 *
 * ```js
 * const redisPackage = await loadPackage('ioredis', ClientRedis.name, () => import('ioredis'));
 * return new redisPackage.default(options); // ← a Redis connection
 * ```
 */
export const moduleLoaders = {
  name: 'module loaders',
  modules: {
    '@nestjs/common/internal': {
      loadsModule: { loadPackage: { nameArgument: 0 }, loadPackageSync: { nameArgument: 0 }, loadPackageCached: { nameArgument: 0 } },
    },
    '@nestjs/common/utils/load-package.util': {
      loadsModule: { loadPackage: { nameArgument: 0 }, loadPackageSync: { nameArgument: 0 }, loadPackageCached: { nameArgument: 0 } },
    },
    module: { loadsModule: { createRequire: { nameArgument: 0, curried: true } } },
  },
} as const satisfies Family;
