import { cva, type VariantProps } from "class-variance-authority";
import clsx from "clsx";

const button = cva("inline-flex rounded-full px-6 py-3 font-semibold", {
  variants: {
    tone: { primary: "bg-emerald-700 text-white", ghost: "bg-transparent text-emerald-800" },
    size: { md: "text-base", lg: "text-lg" },
  },
  defaultVariants: { tone: "primary", size: "md" },
});

type Props = VariantProps<typeof button> & { label: string; className?: string };

export function CtaButton({ tone, size, label, className }: Props) {
  return <a href="#book" className={clsx(button({ tone, size }), className)}>{label}</a>;
}
