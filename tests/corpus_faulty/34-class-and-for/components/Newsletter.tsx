export function Newsletter() {
  return (
    <div class="rounded-lg bg-stone-100 p-6">
      <label for="email" class="block text-sm font-medium">Get the weekly bread list</label>
      <input id="email" type="email" class="mt-2 w-full border p-2" autocomplete="email" />
    </div>
  );
}
