"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { CircleCheck, CircleAlert } from "lucide-react";
import type { ItemData, WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { cardClass, fieldClass, labelClass, primaryButton, secondaryButton } from "./widgetkit";

type Values = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{6,}$/;

/** The message for one field, or "" when its value is fine. */
function check(field: ItemData, value: string): string {
  const v = value.trim();
  if (!v) return field.highlight ? `Please fill in ${field.title.toLowerCase()}.` : "";
  if (field.meta === "email" && !EMAIL.test(v)) return "Please enter an email address like name@example.com.";
  if (field.meta === "tel" && !PHONE.test(v)) return "Please enter a phone number (digits, spaces, + or -).";
  if (field.meta === "number" && Number.isNaN(Number(v))) return "Please enter a number.";
  if (field.meta === "date") {
    const today = new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return "Please pick a date.";
    if (v < today) return "Please pick a date from today on.";
  }
  if (field.meta === "time" && !/^\d{2}:\d{2}/.test(v)) return "Please pick a time.";
  return "";
}

/** A field's text shown as help under it; short examples ("you@example.com") become placeholders. */
function helpText(field: ItemData): string {
  const text = field.text.trim();
  if (!text || field.meta === "select") return "";
  const sentence = text.length > 32 || /[.!?]$/.test(text);
  return sentence || field.meta === "date" || field.meta === "time" ? text : "";
}

function Field({ field, id, value, error, onChange }: {
  field: ItemData;
  id: string;
  value: string;
  error: string;
  onChange: (value: string) => void;
}) {
  const help = helpText(field);
  const described = [help ? `${id}-help` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ") || undefined;
  const common = {
    id,
    name: id,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    "aria-required": field.highlight || undefined,
    className: fieldClass,
  };
  let control;
  if (field.meta === "textarea") {
    control = (
      <textarea
        {...common}
        rows={4}
        placeholder={help || !field.text ? undefined : field.text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else if (field.meta === "select") {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.text || "Choose…"}</option>
        {field.tags.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const auto = { email: "email", tel: "tel" }[field.meta] ?? undefined;
    control = (
      <input
        {...common}
        type={field.meta || "text"}
        autoComplete={auto}
        placeholder={help || !field.text ? undefined : field.text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const wide = field.meta === "textarea";
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label htmlFor={id} className={labelClass}>
        {field.title}
        {field.highlight ? <span aria-hidden="true" className="text-danger"> *</span> : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      <div className="mt-2">{control}</div>
      {help ? (
        <p id={`${id}-help`} className="mt-1.5 text-sm text-muted">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 flex items-center gap-1.5 text-sm font-medium text-danger">
          <CircleAlert className="size-4 shrink-0" aria-hidden="true" />
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A validated form (contact, registration, booking, application, lead) with a success state.
 * Nothing is sent anywhere: the answers stay in the visitor's browser. */
export function Form({ section }: WidgetProps) {
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const fields = section.items;
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Values>({});
  const [sent, setSent] = useState<Values | null>(null);
  const key = (i: number) => `${uid}-f${i}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Values = {};
    fields.forEach((f, i) => {
      const message = check(f, values[key(i)] ?? "");
      if (message) found[key(i)] = message;
    });
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[id="${first}"]`)?.focus();
      return;
    }
    setSent(values);
  };
  const again = () => {
    setValues({});
    setErrors({});
    setSent(null);
  };
  const count = Object.values(errors).filter(Boolean).length;
  const summary = fields
    .map((f, i) => [f.title, (sent ?? {})[key(i)] ?? ""] as const)
    .filter(([, v]) => v.trim() && v.length < 60)
    .slice(0, 4);

  return (
    <Band section={section}>
      <Container className="grid gap-12 lg:grid-cols-[1fr_1.4fr] lg:gap-16">
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
        </div>
        <div className={cardClass}>
          <div aria-live="polite" role="status">
            {sent ? (
              <div className="flex flex-col items-start">
                <span className="grid size-14 place-items-center rounded-full bg-success/15 text-success">
                  <CircleCheck className="size-7" aria-hidden="true" />
                </span>
                <p className="mt-5 font-heading text-xl font-bold text-foreground sm:text-2xl">{section.success || "Thank you!"}</p>
                {summary.length > 0 ? (
                  <dl className="mt-6 w-full divide-y divide-border rounded-2xl border border-border">
                    {summary.map(([label, value]) => (
                      <div key={label} className="flex justify-between gap-4 px-4 py-3 text-sm">
                        <dt className="text-muted">{label}</dt>
                        <dd className="text-end font-medium text-foreground">{value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <button type="button" onClick={again} className={`${secondaryButton} mt-6`}>
                  Send another
                </button>
              </div>
            ) : count > 0 ? (
              <p className="mb-6 flex items-center gap-2 rounded-xl bg-danger/10 px-4 py-3 text-sm font-medium text-danger">
                <CircleAlert className="size-4 shrink-0" aria-hidden="true" />
                {count === 1 ? "One field needs your attention." : `${count} fields need your attention.`}
              </p>
            ) : null}
          </div>
          {sent ? null : (
            <form ref={formRef} noValidate onSubmit={submit} aria-labelledby={`${section.id}-title`}>
              <div className="grid gap-5 sm:grid-cols-2">
                {fields.map((field, i) => (
                  <Field
                    key={key(i)}
                    field={field}
                    id={key(i)}
                    value={values[key(i)] ?? ""}
                    error={errors[key(i)] ?? ""}
                    onChange={(value) => {
                      setValues((old) => ({ ...old, [key(i)]: value }));
                      if (errors[key(i)]) setErrors((old) => ({ ...old, [key(i)]: check(field, value) }));
                    }}
                  />
                ))}
              </div>
              <button type="submit" className={`${primaryButton} mt-8 w-full sm:w-auto`}>
                {section.action || "Send"}
              </button>
            </form>
          )}
        </div>
      </Container>
    </Band>
  );
}
