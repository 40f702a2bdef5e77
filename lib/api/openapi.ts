// The OpenAPI 3.1 document, generated from the contract's zod schemas (z.toJSONSchema, JSON Schema
// 2020-12, which is OpenAPI 3.1's dialect). Nothing here is written by hand but prose: a schema
// change shows up in openapi.json, and `npm run openapi:check` fails until the file is regenerated.
import { z } from "zod";
import { STAGE_KEYS } from "@/lib/domain/shared";
import { STAGE_SCHEMAS, ZAssessmentInputs } from "@/lib/domain/assessment";
import { API_SCOPE_LABEL } from "@/lib/auth/api-token-scopes";
import { API_BASE_PATH, COMMON_PROBLEMS, OPERATIONS, ZProblem, type TOperation } from "./contract";

type TJson = Record<string, unknown>;

const PATH_PARAMS = {
  id: { name: "id", in: "path", required: true, description: "Assessment id.", schema: { type: "string", maxLength: 64 } },
  stage: { name: "stage", in: "path", required: true, description: "Stage key.", schema: { type: "string", enum: [...STAGE_KEYS] } },
};

/** Each named schema once under components.schemas; requests described as accepted, responses as sent. */
function componentSchemas(): TJson {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  const add = (registry: typeof requests, schema: z.ZodType, id: string) => {
    if (!registry.has(schema)) registry.add(schema, { id });
  };
  add(responses, ZProblem, "Problem");
  // Named once so the documents that contain them refer to them instead of repeating them.
  add(responses, ZAssessmentInputs, "AssessmentInputs");
  add(requests, ZAssessmentInputs, "AssessmentInputsRequest");
  for (const key of STAGE_KEYS) add(requests, STAGE_SCHEMAS[key], `${key[0]!.toUpperCase()}${key.slice(1)}StageInputs`);
  for (const op of Object.values(OPERATIONS) as TOperation[]) {
    if (op.body) add(requests, op.body.schema, op.body.schemaId);
    for (const r of Object.values(op.responses)) if (r.schema && r.schemaId) add(responses, r.schema, r.schemaId);
  }
  const uri = (id: string) => `#/components/schemas/${id}`;
  const strip = ({ $schema: _drop, ...rest }: TJson) => rest;
  const out: TJson = {};
  for (const [registry, io] of [
    [requests, "input"],
    [responses, "output"],
  ] as const) {
    const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri, unrepresentable: "any" }) as { schemas: Record<string, TJson> };
    for (const [id, schema] of Object.entries(schemas)) out[id] = strip(schema);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function queryParameters(query: z.ZodObject): TJson[] {
  const schema = z.toJSONSchema(query, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as { properties?: Record<string, TJson>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, { description, ...s }]) => ({ name, in: "query", required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: s }));
}

function operationObject(operationId: string, op: TOperation): TJson {
  const responses: TJson = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }])) } : {}),
      content: { [r.media ?? "application/json"]: { schema: r.schemaId ? { $ref: `#/components/schemas/${r.schemaId}` } : { type: "string", format: "binary" } } },
    };
  }
  for (const [status, description] of Object.entries(COMMON_PROBLEMS)) {
    responses[status] ??= {
      description,
      ...(status === "429" ? { headers: { "Retry-After": { description: "Seconds until the token may call again.", schema: { type: "integer" } } } } : {}),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.path.startsWith("/compare") ? "Compare" : "Assessments"],
    security: [{ bearerToken: [op.scope] }],
    "x-required-scope": op.scope,
    parameters: [...(op.params ?? []).map((p) => PATH_PARAMS[p]), ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${op.body.schemaId}` } } } } } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
  };
}

export function buildOpenApiDocument(): TJson {
  const paths: Record<string, TJson> = {};
  for (const [id, op] of Object.entries(OPERATIONS) as [string, TOperation][]) {
    (paths[op.path] ??= {})[op.method] = operationObject(id, op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Freehold API",
      version: "1.0.0",
      description: "Everything a pipeline needs from Freehold: the portfolio, assessments with their figures and verdict, stage inputs, review submission, JSON import and export, the PDF memos, comparisons and the AI bill of materials. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: API_BASE_PATH }],
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ bearerToken: [] }],
    tags: [{ name: "Assessments" }, { name: "Compare" }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `An API token from the organisation's settings (owners and managers create them). It acts as its creator, limited to its scopes: ${Object.values(API_SCOPE_LABEL).join("; ")}.`,
        },
      },
      schemas: componentSchemas(),
    },
  };
}

/** The document as committed in openapi.json: stable key order, two-space indent, final newline. */
export const openApiText = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
