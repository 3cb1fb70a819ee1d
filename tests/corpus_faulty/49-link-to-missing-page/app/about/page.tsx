export default function About() { return <main>About us</main>; }
