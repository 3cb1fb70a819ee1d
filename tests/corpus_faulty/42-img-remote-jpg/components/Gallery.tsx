const photos = [
  { src: "https://images.pexels.com/photos/1640777/pexels-photo-1640777.jpeg", alt: "Salad bowl" },
  { src: "https://cdn.example.com/img/pasta.jpg", alt: "Fresh pasta" },
];

export function Gallery() {
  return (
    <div className="grid grid-cols-2 gap-4">
      {photos.map((p) => <img key={p.alt} src={p.src} alt={p.alt} className="rounded" />)}
      <img src="https://picsum.photos/400/300" alt="Our dining room" width="400" height="300" />
    </div>
  );
}
