/**
 * How request schemas are checked: Fastify's own Ajv compiler, with one Ajv instance for request
 * bodies and another for the path, query string and headers.
 *
 * A JSON body carries its types, so a wrong one is refused, never converted: `{"serviceId":true}`
 * is not service 1, `{"serviceId":[20]}` not service 20, `{"notice":12345}` not the text "12345".
 * Path parameters, query strings and headers are text on the wire, so their instance converts
 * `"5"` to 5 where the schema asks for a number. Both instances drop the undeclared properties of
 * an object closed with `additionalProperties: false` (`removeAdditional`), fill in defaults, stop
 * at the first error (a request cannot make the server collect thousands), and know every schema
 * added with `app.addSchema` (`ApiError`).
 */
import { AjvCompiler, type BuildCompilerFromPool } from '@fastify/ajv-compiler';

type Compile = ReturnType<BuildCompilerFromPool>;

/** The options of both instances; only `coerceTypes` differs between them. */
export const AJV_OPTIONS = { allErrors: false, removeAdditional: true, useDefaults: true } as const;

/**
 * The validator factory of the app's `schemaController`: Fastify calls it per encapsulation
 * context with that context's shared schemas, and calls the compiler it returns once per route
 * part with `{ schema, method, url, httpPart }`.
 */
export function validatorFactory(): BuildCompilerFromPool {
  const pool = AjvCompiler();
  // The server's `ajv` option is not read: these options are the whole configuration.
  return (externalSchemas) => {
    const instance = (coerceTypes: 'array' | false): Compile => pool(externalSchemas, { customOptions: { ...AJV_OPTIONS, coerceTypes } });
    const strict = instance(false);
    const coercing = instance('array');
    // The package's types call the route part a schema; it is an object with `httpPart`.
    return (part) => (typeof part === 'object' && part.httpPart === 'body' ? strict(part) : coercing(part));
  };
}
