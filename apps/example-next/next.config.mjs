/** @type {import('next').NextConfig} */
const nextConfig = {
  // The example carries no ESLint setup of its own; `next build` still type-checks.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
