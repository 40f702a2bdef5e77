import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgMember } from "@/lib/dal/guards";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

// The API reference, rendered on the server from the generated OpenAPI document itself (no
// client script, so it needs nothing the CSP forbids and works offline). Schemas are shown as the
// document states them; the raw document is at /api/v1/openapi.json.

type TJson = Record<string, unknown>;
type TOperationDoc = { operationId: string; summary: string; description?: string; "x-required-scope": string; parameters: { name: string; in: string; required: boolean; description?: string }[]; requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { description: string; content?: Record<string, { schema: TJson }> }> };

const refName = (schema: TJson | undefined) => (typeof schema?.$ref === "string" ? schema.$ref.split("/").pop() : undefined);

export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgMember(slug, `/o/${slug}/api-docs`);
  const doc = buildOpenApiDocument() as { info: { title: string; version: string; description: string }; servers: { url: string }[]; paths: Record<string, Record<string, TOperationDoc>>; components: { schemas: Record<string, TJson>; securitySchemes: { bearerToken: { description: string } } } };
  const base = doc.servers[0]!.url;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const usedSchemas = [...new Set(operations.flatMap(({ op }) => [refName(Object.values(op.requestBody?.content ?? {})[0]?.schema), ...Object.values(op.responses).map((r) => refName(Object.values(r.content ?? {})[0]?.schema))]).filter((n): n is string => Boolean(n)))].sort();
  return (
    <section aria-labelledby="api-heading" className="flex flex-col gap-4">
      <h1 id="api-heading" className="text-2xl font-semibold">
        {doc.info.title} {doc.info.version}
      </h1>
      <p className="text-sm text-slate-700">{doc.info.description}</p>
      <p className="text-sm text-slate-700">
        Base URL <code>{base}</code>. Authentication: {doc.components.securitySchemes.bearerToken.description} Create tokens in <Link href={`/o/${slug}/settings`} className="underline">settings</Link>. The
        machine-readable document: <a href="/api/v1/openapi.json" className="underline">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Operations">
        <ul className="flex flex-col gap-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="underline">
                <span className="font-mono">{method.toUpperCase()}</span> <span className="font-mono break-all">{path}</span>
              </a>{" "}
              {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = refName(Object.values(op.requestBody?.content ?? {})[0]?.schema);
        return (
          <article key={op.operationId} id={op.operationId} aria-labelledby={`${op.operationId}-h`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id={`${op.operationId}-h`} className="text-lg font-semibold">
              <span className="font-mono">{method.toUpperCase()}</span> <span className="font-mono break-all">{base}{path}</span>
            </h2>
            <p className="font-medium">{op.summary}</p>
            {op.description ? <p className="text-slate-700">{op.description}</p> : null}
            <p className="mt-1">
              Scope: <code>{op["x-required-scope"]}</code>
            </p>
            {op.parameters.length ? (
              <>
                <h3 className="mt-2 font-medium">Parameters</h3>
                <ul className="list-disc pl-5">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ", required" : ""}){p.description ? `: ${p.description}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {body ? (
              <p className="mt-2">
                Request body: <a href={`#schema-${body}`} className="underline">{body}</a> (JSON)
              </p>
            ) : null}
            <h3 className="mt-2 font-medium">Responses</h3>
            <ul className="list-disc pl-5">
              {Object.entries(op.responses).map(([status, r]) => {
                const [media, content] = Object.entries(r.content ?? {})[0] ?? [];
                const schema = refName(content?.schema);
                return (
                  <li key={status}>
                    <code>{status}</code> {r.description} {media ? <span className="text-slate-700">({media}{schema ? <>, <a href={`#schema-${schema}`} className="underline">{schema}</a></> : null})</span> : null}
                  </li>
                );
              })}
            </ul>
          </article>
        );
      })}
      <h2 className="text-xl font-semibold">Schemas</h2>
      {usedSchemas.map((name) => (
        <details key={name} id={`schema-${name}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <summary className="cursor-pointer font-mono font-medium">{name}</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(doc.components.schemas[name], null, 2)}</pre>
        </details>
      ))}
    </section>
  );
}
