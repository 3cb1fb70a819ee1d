"use client";
import { motion, AnimatePresence } from "framer-motion";

export function FadeIn({ children }: { children: React.ReactNode }) {
  return (
    <AnimatePresence>
      <motion.div
        initial={{ opacity: 0, y: 20 }}
        animate={{ opacity: 1, y: 0 }}
        transition={{ duration: 0.6, ease: "easeOut" }}
        className="rounded-xl"
      >
        {children}
      </motion.div>
    </AnimatePresence>
  );
}
