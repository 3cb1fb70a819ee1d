import { motion } from "framer-motion";
import { FaStar } from "react-icons/fa";
import { useState } from "react";

export default function Home() {
  const [tab, setTab] = useState("menu");
  return (
    <main class="mx-auto max-w-5xl">
      <motion.h1 initial={{ opacity: 0 }} animate={{ opacity: 1 }} class="text-5xl">Casa Lume</motion.h1>
      <img src="https://images.unsplash.com/photo-1517248135467-4c7edcad34c4" alt="Our terrace" />
      <p><FaStar /> Rated 4.9 by 800 guests</p>
      <button onClick={() => setTab("wine")}>{tab === "menu" ? "See wines" : "See menu"}</button>
    </main>
  );
}
