import { cx } from "@/lib/cn";
export default function Home() { return <main className={cx("p-8", "text-lg")}><h1>Cobbler Jan</h1></main>; }
