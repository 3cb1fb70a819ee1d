import { ServiceCard, ServiceGrid } from "./ServiceCard";

export default function Services() {
  return (
    <ServiceGrid>
      <ServiceCard title="Deep clean" description="Top to bottom, every room." />
      <ServiceCard title="Move-out clean" description="Get your deposit back." />
    </ServiceGrid>
  );
}
