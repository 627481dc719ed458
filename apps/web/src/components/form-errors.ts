import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts each refused field's message beside its field (the API names fields by JSON path: `achievements[0].level`);
 * returns the messages no field of this form holds, for an alert above it.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    const path = detail.path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
    if (path.length > 0 && known.has(path[0])) {
      const key = path.join('.');
      byField.set(key, [...(byField.get(key) ?? []), detail.message]);
    } else rest.push(detail.message);
  }
  form.setFields(
    [...byField.entries()].map(([key, errors]) => ({ name: key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors })),
  );
  return rest;
}
