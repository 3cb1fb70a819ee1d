import { team } from "@/lib/team";
export default function Home() {
  return <main>{team.map((t) => <figure key={t.name}><img src={t.photo} alt={t.name} /><figcaption>{t.name}</figcaption></figure>)}</main>;
}
