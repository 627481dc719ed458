import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const divisionCode = z.string().regex(/^[0-9]{6}$/, 'a 6-digit administrative division code');

export const tenantDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'lower-case letters, digits and -'),
    kind: z.enum(['government', 'platform']).default('government'),
    nameZh: z.string().min(1).max(100),
    nameEn: z.string().min(1).max(200),
    divisionCode,
    districts: z.array(z.object({ code: divisionCode, nameZh: z.string().min(1).max(100), nameEn: z.string().min(1).max(200) }).strict()),
  })
  .strict();

export type TenantDefinition = z.infer<typeof tenantDefinitionSchema>;

export class TenantDefinitionError extends Error {}

/** Reads `config/tenants/*.yaml`: a tenant is data, added by a file, not by code. */
export function loadTenantDefinitions(dir: string): TenantDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return files.map((file) => {
    const parsed = tenantDefinitionSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TenantDefinitionError(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    }
    if (`${parsed.data.id}.yaml` !== file) throw new TenantDefinitionError(`${file}: id must match the file name (${parsed.data.id})`);
    const codes = parsed.data.districts.map((d) => d.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) throw new TenantDefinitionError(`${file}: districts: code ${dup} appears twice`);
    return parsed.data;
  });
}
