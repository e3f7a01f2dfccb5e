// A CSV download. It starts with a byte-order mark: without one, spreadsheet programs (Excel on
// Windows) read UTF-8 as their local code page and show "Educación" as "EducaciÃ³n".
const BYTE_ORDER_MARK = "\uFEFF";

export function csvResponse(csv: string, { filename, cache = "private, no-store", vary }: { filename: string; cache?: string; vary?: string }) {
  return new Response(BYTE_ORDER_MARK + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": cache,
      ...(vary ? { Vary: vary } : {}),
    },
  });
}
