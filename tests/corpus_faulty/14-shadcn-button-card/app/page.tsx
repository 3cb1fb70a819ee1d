import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import Link from "next/link";

export default function Home() {
  return (
    <main className="mx-auto max-w-5xl p-8">
      <Card>
        <CardHeader>
          <CardTitle>Weekend brunch</CardTitle>
          <CardDescription>Saturdays and Sundays, 9 to 14.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button variant="outline" size="lg" asChild>
            <Link href="/">Reserve a table</Link>
          </Button>
          <Button className="ml-2">Call us</Button>
        </CardContent>
      </Card>
    </main>
  );
}
