export default function Visit() {
  return (
    <main class="p-8">
      <!-- map placeholder -->
      <h1 class="text-3xl">Visit the workshop</h1>
      <p>Unit 4, Canal Yard<br>Manchester</p>
      <img src="/map.svg" alt="Map to the workshop" class="mt-4" width="600" height="300">
    </main>
  );
}
