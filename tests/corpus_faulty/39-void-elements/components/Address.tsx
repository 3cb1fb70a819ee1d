export function Address() {
  return (
    <address className="not-italic">
      Rua das Flores 12<br>
      1200-195 Lisboa<br>
      <hr className="my-4">
      <input type="checkbox" id="news"> <label htmlFor="news">Send me news</label>
    </address>
  );
}
