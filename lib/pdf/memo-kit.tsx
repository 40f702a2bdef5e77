import type { ReactNode } from "react";
import { Page, Text, View } from "@react-pdf/renderer";
import { formatDateTime } from "@/lib/format";
import { s } from "./styles";

export type TMemoOptions = { organisationName: string; generatedAt: Date };

export function KeyValue({ label, value, isBold = false }: { label: string; value: string; isBold?: boolean }) {
  return (
    <View style={s.row} wrap={false}>
      <Text style={s.cellLabel}>{label}</Text>
      <Text style={[s.cellValue, isBold ? s.bold : {}]}>{value}</Text>
    </View>
  );
}

export function Bullet({ mark = "•", children }: { mark?: string; children: ReactNode }) {
  return (
    <View style={s.bullet} wrap={false}>
      <Text style={s.bulletMark}>{mark}</Text>
      <Text style={s.bulletText}>{children}</Text>
    </View>
  );
}

/** Fixed on every page: what the document is, its version, when it was made, and the page number. */
export function MemoFooter({ label, generatedAt }: { label: string; generatedAt: Date }) {
  // Two absolutely placed Texts rather than one row View: React-PDF lays out a page again for a
  // render prop, and a fixed View around one threw "unsupported number" on long memos.
  return (
    <>
      <Text style={[s.footer, { right: 130 }]} fixed>
        {label} · generated {formatDateTime(generatedAt)}
      </Text>
      <Text style={[s.footer, { left: 430, textAlign: "right" }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </>
  );
}

/** A long URL as lines of at most `width` characters: text never breaks inside a word by itself. */
export function urlLines(url: string, width = 95): string {
  const lines: string[] = [];
  for (let i = 0; i < url.length; i += width) lines.push(url.slice(i, i + width));
  return lines.join("\n");
}

/** An A4 memo page (or run of pages) with the footer on each. */
export function MemoPage({ footer, generatedAt, children }: { footer: string; generatedAt: Date; children: ReactNode }) {
  return (
    <Page size="A4" style={s.page}>
      <View style={s.body}>{children}</View>
      <MemoFooter label={footer} generatedAt={generatedAt} />
    </Page>
  );
}
