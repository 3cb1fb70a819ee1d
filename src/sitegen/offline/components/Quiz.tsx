"use client";

import { useId, useState } from "react";
import { CircleCheck, CircleX, RotateCcw } from "lucide-react";
import type { WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { cardClass, primaryButton, secondaryButton } from "./widgetkit";

/** A practice quiz: pick an answer per question, check them, see the score, try again. */
export function Quiz({ section }: WidgetProps) {
  const uid = useId();
  const questions = section.items.filter((q) => q.tags.length >= 2);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [checked, setChecked] = useState(false);
  const [round, setRound] = useState(0);
  const score = questions.filter((q, i) => answers[i] === q.meta).length;
  const answered = Object.keys(answers).length;

  const retry = () => {
    setAnswers({});
    setChecked(false);
    setRound((r) => r + 1);
  };

  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <Prose text={section.body} className="mx-auto mt-6 max-w-2xl text-center" />
        <form
          key={round}
          className="mx-auto mt-12 max-w-3xl space-y-6"
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
          }}
        >
          {questions.map((q, i) => {
            const right = answers[i] === q.meta;
            return (
              <fieldset key={`${q.title}-${i}`} className={cardClass}>
                <legend className="sr-only">{`Question ${i + 1}: ${q.title}`}</legend>
                <p aria-hidden="true" className="text-sm font-semibold uppercase tracking-[0.14em] text-primary-ink">
                  Question {i + 1} of {questions.length}
                </p>
                <p aria-hidden="true" className="mt-2 font-heading text-xl font-semibold text-foreground">{q.title}</p>
                <div className="mt-5 grid gap-3 sm:grid-cols-2">
                  {q.tags.map((option, j) => {
                    const chosen = answers[i] === option;
                    const tone = checked && option === q.meta
                      ? "border-success bg-success/10"
                      : checked && chosen
                        ? "border-danger bg-danger/10"
                        : chosen
                          ? "border-primary bg-primary/10"
                          : "border-border hover:border-primary-ink";
                    return (
                      <label
                        key={option}
                        className={`flex cursor-pointer items-center gap-3 rounded-2xl border px-4 py-3 text-foreground transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary ${tone}`}
                      >
                        <input
                          type="radio"
                          name={`${uid}-q${i}`}
                          value={option}
                          checked={chosen}
                          disabled={checked}
                          onChange={() => setAnswers((old) => ({ ...old, [i]: option }))}
                          className="size-4 accent-primary"
                          id={`${uid}-q${i}-${j}`}
                        />
                        <span>{option}</span>
                      </label>
                    );
                  })}
                </div>
                {checked ? (
                  <p className={`mt-4 flex items-start gap-2 text-sm font-medium ${right ? "text-success" : "text-danger"}`}>
                    {right ? (
                      <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                    ) : (
                      <CircleX className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                    )}
                    <span>
                      {right ? "Correct." : `Not quite: the answer is ${q.meta}.`} {q.text}
                    </span>
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <div className="flex flex-col items-center gap-4 rounded-3xl bg-primary/10 p-6 text-center sm:flex-row sm:justify-between sm:text-start">
            <p aria-live="polite" role="status" className="font-heading text-lg font-semibold text-foreground">
              {checked
                ? `You scored ${score} of ${questions.length}${score === questions.length ? " — perfect!" : "."}`
                : `${answered} of ${questions.length} answered`}
            </p>
            {checked ? (
              <button type="button" onClick={retry} className={secondaryButton}>
                <RotateCcw className="size-4" aria-hidden="true" />
                Try again
              </button>
            ) : (
              <button type="submit" className={primaryButton} disabled={answered === 0}>
                {section.action || "Check my answers"}
              </button>
            )}
          </div>
        </form>
      </Container>
    </Band>
  );
}
