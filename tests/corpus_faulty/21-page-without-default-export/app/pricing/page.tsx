export function PricingPage() {
  return (
    <main className="p-8">
      <h1>Membership</h1>
      <p>Monthly: 39 EUR. Yearly: 390 EUR.</p>
    </main>
  );
}
