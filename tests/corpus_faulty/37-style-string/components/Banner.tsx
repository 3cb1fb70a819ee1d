export function Banner() {
  return (
    <section style="background-color: #14532d; padding: 48px 24px; color: white">
      <h2 style="font-size: 2rem; letter-spacing: -0.02em">Spring planting days</h2>
    </section>
  );
}
