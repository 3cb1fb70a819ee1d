const GalleryPage = () => (
  <main className="grid grid-cols-3 gap-4 p-8">
    <h1 className="col-span-3">Recent weddings</h1>
  </main>
);
