export default function Home() {
  return (
    <main>
      <div
        tabindex="0"
        role="button"
        class="cursor-pointer p-4"
      >
        Open the wine list
      </div>
      <table><tbody><tr><td colspan="2">Red and white by the glass</td></tr></tbody></table>
    </main>
  );
}
