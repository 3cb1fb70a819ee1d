import { format } from "date-fns";

export function Footer() {
  return <footer className="p-6 text-sm">Copyright {format(new Date(), "yyyy")} Harbour Dental. Updated {format(new Date(2026, 0, 5), "MMMM d, yyyy")}</footer>;
}
