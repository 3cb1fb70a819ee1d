export const siteName = "Bakkerij Moens";
