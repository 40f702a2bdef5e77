"use client";
import { useActionState } from "react";
import { savePriceBookAction } from "@/lib/actions/price-book";
import { fieldError, formError, isFailure, submittedValue } from "@/lib/actions/result";
import { PRICE_BOOK_FIELD, type TPriceBookFormRows, type TPriceBookValues } from "@/lib/domain/assessment";
import { SaveRow } from "@/components/ui/save-row";

type TProps = { slug: string; version: number; values: TPriceBookValues; rows: TPriceBookFormRows & { roles: string[] }; hints: Record<string, string>; canChange: boolean };

const fieldId = (name: string) => `pb-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

function NumberField({ name, label, unit, value, hint, state }: { name: string; label: string; unit: string; value: number | undefined; hint?: string; state: unknown }) {
  const id = fieldId(name);
  const error = fieldError(state, name);
  const shown = submittedValue(state, name) ?? (value === undefined ? "" : String(value));
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={shown}
        key={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={`w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        In {unit}. {hint ?? ""}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Group({ title, description, children, collapsed }: { title: string; description: string; children: React.ReactNode; collapsed?: boolean }) {
  const body = (
    <>
      <p className="text-sm text-slate-700">{description}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
    </>
  );
  return collapsed ? (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-base font-semibold">{title}</summary>
      <section aria-label={title} className="mt-3 flex flex-col gap-3">
        {body}
      </section>
    </details>
  ) : (
    <section aria-label={title} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-base font-semibold">{title}</h2>
      {body}
    </section>
  );
}

/** The price book: one row per API vendor, API, GPU and role the catalog lists; blank means "use the catalog". */
export function PriceBookForm({ slug, version, values, rows, hints, canChange }: TProps) {
  const [state, action, pending] = useActionState(savePriceBookAction.bind(null, slug, version), null);
  const error = formError(state);
  const saved = state && !isFailure(state) ? state : null;
  const common = { state };
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <fieldset disabled={!canChange} className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">Price book</legend>
        <Group title="Negotiated API discounts" description="Percent off the catalog list price. A discount for one API wins over its vendor's.">
          {rows.vendors.map((v) => (
            <NumberField key={v} name={PRICE_BOOK_FIELD.vendor(v)} label={`${v}: discount`} unit="% off list price" value={values.apiVendorDiscountPercent[v]} {...common} />
          ))}
        </Group>
        <Group title="Discounts for one API" description="Only where one API's terms differ from its vendor's." collapsed>
          {rows.apis.map((a) => (
            <NumberField key={a.id} name={PRICE_BOOK_FIELD.api(a.id)} label={`${a.label}: discount`} unit="% off list price" value={values.apiModelDiscountPercent[a.id]} hint={hints[PRICE_BOOK_FIELD.api(a.id)]} {...common} />
          ))}
        </Group>
        <Group title="Internal GPU prices" description="What a GPU costs you: an hourly price for the cloud modes (your negotiated or internal rate) and a purchase price for owned hardware.">
          {rows.gpus.flatMap((g) => [
            <NumberField key={`${g.id}-h`} name={PRICE_BOOK_FIELD.gpuHour(g.id)} label={`${g.label}: per hour`} unit="USD per GPU-hour" value={values.gpus[g.id]?.usdPerGpuHour} hint={hints[PRICE_BOOK_FIELD.gpuHour(g.id)]} {...common} />,
            <NumberField key={`${g.id}-p`} name={PRICE_BOOK_FIELD.gpuPurchase(g.id)} label={`${g.label}: purchase`} unit="USD per GPU" value={values.gpus[g.id]?.purchaseUsdPerGpu} hint={hints[PRICE_BOOK_FIELD.gpuPurchase(g.id)]} {...common} />,
          ])}
        </Group>
        <Group title="Loaded cost per role" description="Salary plus benefits, payroll tax and overhead, for the roles of the default lifecycle team.">
          {rows.roles.map((r) => (
            <NumberField key={r} name={PRICE_BOOK_FIELD.role(r)} label={`${r}: loaded cost`} unit="USD per year" value={values.roleLoadedUsdPerYear[r]} hint={hints[PRICE_BOOK_FIELD.role(r)]} {...common} />
          ))}
        </Group>
        <Group title="Power, finance and regions" description="Owned-hardware power terms, the finance defaults and where data may be processed.">
          <NumberField name={PRICE_BOOK_FIELD.usdPerKwh} label="Power tariff" unit="USD per kWh" value={values.usdPerKwh} hint={hints[PRICE_BOOK_FIELD.usdPerKwh]} {...common} />
          <NumberField name={PRICE_BOOK_FIELD.powerUsageEffectiveness} label="Data-centre PUE" unit="ratio, 1 or more" value={values.powerUsageEffectiveness} hint={hints[PRICE_BOOK_FIELD.powerUsageEffectiveness]} {...common} />
          <NumberField name={PRICE_BOOK_FIELD.discountRatePercent} label="Discount rate" unit="% per year" value={values.discountRatePercent} hint={hints[PRICE_BOOK_FIELD.discountRatePercent]} {...common} />
          <NumberField name={PRICE_BOOK_FIELD.horizonMonths} label="Horizon" unit="months, 12 to 60" value={values.horizonMonths} hint={hints[PRICE_BOOK_FIELD.horizonMonths]} {...common} />
          <fieldset className="flex flex-col gap-1 sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">Regions where data may be processed</legend>
            <div className="grid grid-cols-2 gap-1 md:grid-cols-3">
              {rows.regions.map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={PRICE_BOOK_FIELD.region(r)} defaultChecked={values.allowedRegions.includes(r)} />
                  {r}
                </label>
              ))}
            </div>
            <p className="text-xs text-slate-600">None ticked: anywhere (no residency constraint).</p>
          </fieldset>
        </Group>
      </fieldset>
      {canChange ? (
        <SaveRow
          label="Save price book"
          pending={pending}
          error={error ?? (isFailure(state) && state.kind === "invalid" ? `Not saved: ${Object.keys(state.errors).length} field(s) to fix.` : undefined)}
          okText={saved ? (saved.changed.length ? `Saved as version ${saved.version}` : "No change to save") : null}
        />
      ) : (
        <p className="text-sm text-slate-700">Only an owner or a manager can change the price book; everyone in the organisation reads it.</p>
      )}
    </form>
  );
}
