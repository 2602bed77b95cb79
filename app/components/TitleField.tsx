"use client";

import { useState } from "react";

/**
 * A session title input that counts as one types and says when the title
 * is over the limit (the server refuses it with the same words), instead of
 * cutting it silently at `max` as a `maxLength` would.
 */
export function TitleField({
  max,
  defaultValue = "",
  placeholder,
}: {
  max: number;
  defaultValue?: string;
  placeholder?: string;
}) {
  const [length, setLength] = useState(defaultValue.trim().length);
  const over = length - max;
  return (
    <label>
      Title
      <input
        name="title"
        required
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-describedby="title-count"
        onChange={(e) => setLength(e.target.value.trim().length)}
      />
      <span
        id="title-count"
        className={`hint field-count${over > 0 ? " over" : ""}`}
        aria-live="polite"
        data-testid="title-count"
      >
        {over > 0 ? `${length} characters: ${over} over the ${max} limit` : `${length} / ${max} characters`}
      </span>
    </label>
  );
}
