import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Button } from "@/components/ui/button";

export function ContactForm() {
  return (
    <form className="grid gap-4" onSubmit={(e) => e.preventDefault()}>
      <Label htmlFor="name">Your name</Label>
      <Input id="name" placeholder="Ana Silva" />
      <Label htmlFor="msg">Message</Label>
      <Textarea id="msg" rows={4} />
      <Button type="submit" variant="default">Send message</Button>
    </form>
  );
}
