import type { PageData } from "@/lib/types";
import { Container } from "./ui";

/** The title band of an inner page that does not open with a hero. */
export function PageIntro({ page }: { page: PageData }) {
  return (
    <section aria-labelledby="page-title" className="relative isolate overflow-hidden border-b border-border">
      <div aria-hidden="true" className="hero-glow absolute inset-0 -z-10" />
      <div
        aria-hidden="true"
        className="bg-grid absolute inset-0 -z-10 [mask-image:linear-gradient(to_bottom,black,transparent)]"
      />
      <Container className="py-16 text-center sm:py-20">
        <h1
          id="page-title"
          className="font-heading text-4xl font-extrabold tracking-tight text-foreground sm:text-5xl lg:text-6xl"
        >
          {page.title}
        </h1>
        {page.description ? (
          <p className="mx-auto mt-5 max-w-2xl text-lg leading-relaxed text-muted">{page.description}</p>
        ) : null}
      </Container>
    </section>
  );
}
