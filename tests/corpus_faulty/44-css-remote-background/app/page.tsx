export default function Home() { return <main className="hero"><h1>Ember grill house</h1></main>; }
