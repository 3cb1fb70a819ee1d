export function Wave() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
      stroke-linecap="round" stroke-linejoin="round" class="h-6 w-6">
      <path fill-rule="evenodd" clip-rule="evenodd" d="M2 12c2-3 4-3 6 0s4 3 6 0 4-3 6 0" />
    </svg>
  );
}
