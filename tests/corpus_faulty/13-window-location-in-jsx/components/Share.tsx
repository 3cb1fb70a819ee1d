"use client";
export default function Share() {
  return (
    <a href={`mailto:?body=${window.location.href}`} className="underline">
      Share this page with a friend
    </a>
  );
}
