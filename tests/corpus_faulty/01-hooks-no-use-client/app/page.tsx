import { MenuToggle } from "@/components/MenuToggle";

export default function Home() {
  return <main className="p-8"><h1>Fresh bread daily</h1><MenuToggle /></main>;
}
