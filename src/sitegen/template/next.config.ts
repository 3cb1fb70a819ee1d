import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "export",
  images: { unoptimized: true },
  trailingSlash: true,
  // sitegen type-checks the site itself before building (or knows all its code is sitegen's own,
  // checked in sitegen's CI) and then sets SITEGEN_TYPES_CHECKED=1, so the build skips a second
  // full check. A plain `npm run build` still type-checks.
  typescript: { ignoreBuildErrors: process.env.SITEGEN_TYPES_CHECKED === "1" },
};

export default nextConfig;
