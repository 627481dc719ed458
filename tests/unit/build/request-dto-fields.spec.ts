import 'reflect-metadata';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA, PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { loadConfig } from '@subsidy/config';
import { getMetadataStorage } from 'class-validator';
import { AppModule } from '../../../apps/api/src/app.module';

// Where @Type() records nested DTO classes; the package's typings describe this module under types/ only.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * Every field of a request DTO must be one the validation pipe accepts. Under ES2022 class-field semantics (the build's,
 * and the tests' since issue 9) a declared field is an own property of every instance class-transformer makes, so a
 * field without a class-validator decorator (a documentation-only `file` of a multipart upload, say) makes the
 * whitelist refuse every request with "property … should not exist". Such a field belongs in `declare` or nowhere.
 */
type ModuleRef = Type<unknown> | DynamicModule | ForwardReference | Promise<DynamicModule>;

function isDynamic(ref: ModuleRef): ref is DynamicModule {
  return typeof ref === 'object' && ref !== null && 'module' in ref;
}

/** The controllers of the API's whole module graph, as Nest would find them. */
function controllersOf(root: ModuleRef): Array<Type<unknown>> {
  const seen = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    if ('forwardRef' in ref && typeof ref.forwardRef === 'function') return visit(ref.forwardRef() as ModuleRef);
    const moduleClass = isDynamic(ref) ? ref.module : (ref as Type<unknown>);
    const imports: ModuleRef[] = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as ModuleRef[]) ?? []), ...(isDynamic(ref) ? (ref.imports ?? []) : [])];
    const declared: Array<Type<unknown>> = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Array<Type<unknown>>) ?? []), ...(isDynamic(ref) ? (ref.controllers ?? []) : [])];
    declared.forEach((c) => controllers.add(c));
    imports.forEach(visit);
  };
  visit(root);
  return [...controllers];
}

/** The DTO classes bound to @Body() and @Query() parameters of a controller's route handlers. */
function requestDtosOf(controller: Type<unknown>): Array<{ route: string; dto: Type<unknown> }> {
  const found: Array<{ route: string; dto: Type<unknown> }> = [];
  for (const method of Object.getOwnPropertyNames(controller.prototype)) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
    const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, method) ?? []) as unknown[];
    for (const [key, { index }] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]);
      const type = types[index];
      if ((kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) && typeof type === 'function' && type !== Object) {
        found.push({ route: `${controller.name}.${method}`, dto: type as Type<unknown> });
      }
    }
  }
  return found;
}

/** Fields of instances of `dto` (and of the nested DTOs its @Type decorators name) that no validator whitelists. */
function unvalidatedFields(dto: Type<unknown>, path: string, seen = new Set<Type<unknown>>()): string[] {
  if (seen.has(dto)) return [];
  seen.add(dto);
  const whitelisted = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false).map((m) => m.propertyName));
  const problems: string[] = [];
  for (const field of Object.keys(new dto() as object)) {
    if (!whitelisted.has(field)) problems.push(`${path}.${field}`);
    const nested = defaultMetadataStorage.findTypeMetadata(dto, field)?.typeFunction();
    if (typeof nested === 'function' && nested.prototype && getMetadataStorage().getTargetValidationMetadatas(nested, '', false, false).length > 0) {
      problems.push(...unvalidatedFields(nested as Type<unknown>, `${path}.${field}`, seen));
    }
  }
  return problems;
}

describe('request DTOs: every class field is a validated request field', () => {
  const controllers = controllersOf(AppModule.forRoot(loadConfig({})));
  const dtos = controllers.flatMap(requestDtosOf);

  it('finds the API controllers and their request DTOs', () => {
    expect(controllers.length).toBeGreaterThan(10);
    expect(dtos.map((d) => d.dto.name)).toEqual(expect.arrayContaining(['UploadEvidenceDto', 'RegisterOrganizationDto', 'ProgramDto']));
  });

  it('no DTO declares a field the validation whitelist would refuse', () => {
    const problems = dtos.flatMap(({ route, dto }) => unvalidatedFields(dto, `${route}(${dto.name})`));
    expect(problems).toEqual([]);
  });

  it('would catch the field that broke every upload in dist/ (issue 9)', () => {
    class UploadWithDocumentedFile {
      file?: unknown;
    }
    expect(unvalidatedFields(UploadWithDocumentedFile, 'upload')).toEqual(['upload.file']);
  });
});
