import { loadConfigOrExit, projectRoot } from '@subsidy/config';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { previewOpenApiDocument, stableJson } from '../../api/src/openapi-document';
import { runCommand } from './run-command';

/** Where the web app's typed client (openapi-typescript) reads the API's contract from. */
export const OPENAPI_EXPORT_PATH = 'apps/web/openapi.json';

/**
 * `npm run openapi:export`: writes the OpenAPI document the API serves at /api/docs/openapi.json to
 * apps/web/openapi.json (sorted keys, two-space indent). Builds it from the module graph alone: no PostgreSQL or Redis.
 */
runCommand(async () => {
  const document = await previewOpenApiDocument(loadConfigOrExit());
  const target = resolve(projectRoot(), process.argv[2] === '--out' && process.argv[3] ? process.argv[3] : OPENAPI_EXPORT_PATH);
  writeFileSync(target, stableJson(document));
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(`OpenAPI document written to ${target}: ${operations} operation(s), ${Object.keys(document.components?.schemas ?? {}).length} schema(s)\n`);
});
