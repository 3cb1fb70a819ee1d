import { CheckCircleIcon, ClockIcon } from "@heroicons/react/24/outline";

export function Features() {
  return (
    <ul>
      <li><CheckCircleIcon className="h-6 w-6" /> Certified electricians</li>
      <li><ClockIcon className="h-6 w-6" /> Same-day call-outs</li>
    </ul>
  );
}
