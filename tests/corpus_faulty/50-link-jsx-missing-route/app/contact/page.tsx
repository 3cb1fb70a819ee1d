export default function Contact() { return <main>Contact</main>; }
