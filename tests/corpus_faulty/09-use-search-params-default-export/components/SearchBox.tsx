"use client";
import { useSearchParams } from "next/navigation";

function SearchBox() {
  const sp = useSearchParams();
  return <input defaultValue={sp.get("q") ?? ""} placeholder="Search recipes" className="border p-2" />;
}

export default SearchBox;
