import { Badge } from "@/components/ui/badge";
import { Separator } from "@/components/ui/separator";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";

const team = [{ name: "Mira Kos", role: "Head chef" }, { name: "Jonas Berg", role: "Pastry" }];

export default function TeamPage() {
  return (
    <main className="p-8">
      <h1>Our kitchen team</h1>
      <Separator className="my-6" />
      {team.map((p) => (
        <div key={p.name} className="flex items-center gap-3">
          <Avatar><AvatarFallback>{p.name[0]}</AvatarFallback></Avatar>
          <span>{p.name}</span>
          <Badge variant="secondary">{p.role}</Badge>
        </div>
      ))}
    </main>
  );
}
