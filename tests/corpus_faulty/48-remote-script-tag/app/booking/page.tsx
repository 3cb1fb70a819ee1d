export default function Booking() {
  return (
    <main className="p-8">
      <h1>Book a lesson</h1>
      <div className="calendly-inline-widget" />
      <script src="https://assets.calendly.com/assets/external/widget.js" async></script>
    </main>
  );
}
