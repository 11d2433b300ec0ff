import { z } from 'zod';

/**
 * The shapes the API answers with, each named once: the OpenAPI document lists them under
 * `components.schemas`, and the web interface's types are generated from that document.
 */
export const apiComponents = z.registry<{ id: string }>();

export function component<T extends z.ZodType>(id: string, schema: T): T {
  apiComponents.add(schema, { id });
  return schema;
}

export const timestamp = z.string().meta({ description: 'ISO 8601, UTC' });
export const nullableNumber = z.number().nullable();
export const scoreRecord = z.record(z.string(), nullableNumber);
