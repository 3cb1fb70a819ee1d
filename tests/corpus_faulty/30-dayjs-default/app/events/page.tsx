import dayjs from "dayjs";

const events = [{ name: "Wine tasting", date: "2026-03-14" }, { name: "Jazz night", date: "2026-04-02" }];

export default function Events() {
  return (
    <ul className="p-8">
      {events.map((e) => <li key={e.name}>{e.name}: {dayjs(e.date).format("D MMMM YYYY")}</li>)}
    </ul>
  );
}
