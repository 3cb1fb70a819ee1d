export default function Services() { return <main>Services</main>; }
