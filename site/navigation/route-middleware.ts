/** Starlight route middleware (astro.config.mjs `routeMiddleware`): see ./pagination.ts. */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { keepPrevInGroup } from './pagination.ts';

export const onRequest = defineRouteMiddleware((context) => {
  keepPrevInGroup(context.locals.starlightRoute);
});
