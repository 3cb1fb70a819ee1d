export const team = [
  { name: "Lena Fischer", role: "Physiotherapist", photo: "https://randomuser.me/api/portraits/women/44.jpg" },
  { name: "Tom Reyes", role: "Sports massage", photo: "https://i.pravatar.cc/300?img=12" },
];
