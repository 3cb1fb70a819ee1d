import { FaInstagram, FaFacebookF } from "react-icons/fa";
import { HiOutlineMail as MailIcon } from "react-icons/hi";

export function Social() {
  return (
    <div className="flex gap-3">
      <a href="https://instagram.com/lumen" aria-label="Instagram"><FaInstagram /></a>
      <a href="https://facebook.com/lumen" aria-label="Facebook"><FaFacebookF /></a>
      <MailIcon className="h-5 w-5" />
    </div>
  );
}
