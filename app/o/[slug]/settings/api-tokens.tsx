import Link from "next/link";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import type { TApiTokenRow } from "@/lib/dal/api-tokens";
import { formatDate } from "@/lib/domain/report";
import { ConfirmForm } from "@/components/members/confirm-form";
import { CreateTokenForm } from "@/components/api/create-token-form";

function tokenState(t: TApiTokenRow, now: Date): string {
  if (t.revokedAt) return `revoked ${formatDate(t.revokedAt)}`;
  if (t.expiresAt <= now) return `expired ${formatDate(t.expiresAt)}`;
  return `valid until ${formatDate(t.expiresAt)}`;
}

/** The organisation's API tokens: create, list with last use, revoke (owners and managers). */
export function ApiTokensSection({ slug, tokens, now }: { slug: string; tokens: TApiTokenRow[]; now: Date }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        Tokens let a pipeline call the <Link href={`/o/${slug}/api-docs`} className="underline">REST API</Link> (<code>/api/v1</code>, header <code>Authorization: Bearer …</code>). A token acts as
        the member who created it, limited to its scopes; every call is in the audit log under the token’s name.
      </p>
      <CreateTokenForm slug={slug} />
      {tokens.length ? (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="API tokens (scrolls sideways on narrow screens)" /* names, scopes and dates do not fit a phone */>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Starts with</th>
                <th scope="col" className="px-3 py-2 font-medium">Scopes</th>
                <th scope="col" className="px-3 py-2 font-medium">Created by</th>
                <th scope="col" className="px-3 py-2 font-medium">Last used</th>
                <th scope="col" className="px-3 py-2 font-medium">State</th>
                <th scope="col" className="px-3 py-2 font-medium">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">{t.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-3 py-2">{t.scopes.join(", ")}</td>
                  <td className="px-3 py-2">
                    {t.createdByName}, {formatDate(t.createdAt)}
                  </td>
                  <td className="px-3 py-2">{t.lastUsedAt ? t.lastUsedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never"}</td>
                  <td className="px-3 py-2">{tokenState(t, now)}</td>
                  <td className="px-3 py-2">
                    {t.revokedAt ? null : <ConfirmForm action={revokeApiTokenAction.bind(null, slug, t.id)} label={`Revoke ${t.name}`} pendingLabel="Revoking…" question={`Revoke the token “${t.name}”? Anything using it stops working at once.`} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-700">No API tokens yet.</p>
      )}
    </div>
  );
}
