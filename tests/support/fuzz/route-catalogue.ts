import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES_KEY } from '@subsidy/auth';
import { Role } from '@subsidy/tenancy';

/** One operation as OpenAPI writes it: `POST /api/v1/programs/{id}/schedule`. */
export type OperationKey = string;

export function operationKey(method: string, openApiPath: string): OperationKey {
  return `${method.toUpperCase()} ${openApiPath}`;
}

/** Express writes `/programs/:id`, OpenAPI `/programs/{id}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Paths served by something other than the API's controllers, which the fuzz leaves alone. */
// `*`: the built web application's index.html for client routes (apps/api/src/web), which answers HTML, not the API.
const NOT_API = [/^\/api\/docs/, /^\/api\/admin\/queues/, /^\/health$/, /^\*$/];

/**
 * Every route the Express application really serves, read from its router. A controller handler is a route of one
 * HTTP method; Nest's middleware bindings (`forRoutes('*')`) appear as routes of every method and are left out.
 */
export function servedOperations(app: INestApplication): OperationKey[] {
  const router = (app.getHttpAdapter().getInstance() as { _router: { stack: ExpressLayer[] } })._router;
  const keys = new Set<OperationKey>();
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all' && layer.route?.methods[m]);
    if (methods.length !== 1) continue;
    for (const path of Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]) {
      if (NOT_API.some((pattern) => pattern.test(path))) continue;
      keys.add(operationKey(methods[0], toOpenApiPath(path)));
    }
  }
  return [...keys].sort();
}

/** What a controller method declares about itself: who may call it and which classes describe its body and query. */
export interface HandlerFacts {
  /** The route without the global prefix, in OpenAPI form: `POST /programs/{id}/schedule`. */
  key: OperationKey;
  isPublic: boolean;
  /** null: any signed-in actor. */
  roles: Role[] | null;
  bodyType?: Type<unknown>;
  queryType?: Type<unknown>;
}

function joinPath(...parts: Array<string | undefined>): string {
  const joined = parts
    .filter((part): part is string => typeof part === 'string' && part !== '' && part !== '/')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .join('/');
  return `/${joined}`;
}

function firstPath(value: unknown): string | undefined {
  return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
}

/**
 * The facts of every controller method registered in the application, keyed by method and unprefixed path, from
 * the metadata Nest itself routes by (so a new controller shows up here without anyone listing it).
 */
export function handlerFacts(app: INestApplication): Map<OperationKey, HandlerFacts> {
  const facts = new Map<OperationKey, HandlerFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const controllerPath = firstPath(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPath === undefined || method === undefined) continue;
        const key = operationKey(RequestMethod[method], toOpenApiPath(joinPath(controllerPath, firstPath(methodPath))));
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Array<Type<unknown> | undefined>;
        const argType = (kind: RouteParamtypes): Type<unknown> | undefined => {
          const entry = Object.entries(args).find(([argKey]) => argKey.startsWith(`${kind}:`));
          const type = entry ? paramTypes[entry[1].index] : undefined;
          return type && type !== Object ? type : undefined;
        };
        facts.set(key, {
          key,
          isPublic: Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)),
          roles: (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? null) as Role[] | null,
          bodyType: argType(RouteParamtypes.BODY),
          queryType: argType(RouteParamtypes.QUERY),
        });
      }
    }
  }
  return facts;
}
